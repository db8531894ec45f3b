namespace Customer360Hub.Embedded;

/// <summary>The data folder cannot be used right now (locked, full, read-only, damaged); the message says what to do.</summary>
public sealed class DataFolderUnavailableException : IOException
{
    public DataFolderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataFolderUnavailableException(string message)
        : base(message)
    {
    }

    public DataFolderUnavailableException()
    {
    }
}
