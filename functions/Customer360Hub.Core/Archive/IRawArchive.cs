namespace Customer360Hub.Archive;

/// <summary>
/// Raw pages exactly as the source returned them, stored before anything is derived from them,
/// so every change can be traced and replayed. Embedded: a folder. Azure: Blob Storage.
/// </summary>
public interface IRawArchive
{
    /// <summary>Stores one page under <c>source/entityType/yyyy/MM/dd/</c>; returns its reference.</summary>
    Task<string> StoreAsync(string source, string entityType, ReadOnlyMemory<byte> page, CancellationToken cancellationToken = default);

    /// <summary>The page, or null when the reference is unknown.</summary>
    Task<ReadOnlyMemory<byte>?> ReadAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>References under a prefix such as <c>stripe/customer/2026/11/</c>.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Replaces a page with a redacted copy (erasure is the only reason a page changes).</summary>
    Task RedactAsync(string reference, ReadOnlyMemory<byte> redactedPage, CancellationToken cancellationToken = default);
}
