namespace Customer360Hub.Storage;

/// <summary>
/// A conditional write lost: the ETag changed, the document already existed (create) or was gone
/// (replace). Callers re-read and retry; nothing of the failed batch was applied where the store
/// is transactional for that batch.
/// </summary>
public sealed class DocumentConflictException : Exception
{
    public DocumentConflictException(string container, DocumentKey key, string reason)
        : base($"Write to {container} '{key}' lost: {reason}.")
    {
        Container = container;
        Key = key;
    }

    public DocumentConflictException()
    {
        Container = string.Empty;
    }

    public DocumentConflictException(string message)
        : base(message)
    {
        Container = string.Empty;
    }

    public DocumentConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Container = string.Empty;
    }

    public string Container { get; }

    public DocumentKey Key { get; }
}
