namespace Customer360Hub.Changes;

/// <summary>A message that can never be processed: it goes to the dead letter with <see cref="Exception.Message"/> as the reason.</summary>
public sealed class MalformedChangeException : Exception
{
    public MalformedChangeException(string reason)
        : base(reason)
    {
    }

    public MalformedChangeException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    public MalformedChangeException()
    {
    }
}
