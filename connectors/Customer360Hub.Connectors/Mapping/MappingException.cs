namespace Customer360Hub.Connectors.Mapping;

/// <summary>A record that cannot be mapped; it is quarantined with <see cref="Exception.Message"/> as the reason.</summary>
public sealed class MappingException : Exception
{
    public MappingException(string reason)
        : base(reason)
    {
    }

    public MappingException()
    {
    }

    public MappingException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
