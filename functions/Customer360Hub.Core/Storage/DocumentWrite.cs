namespace Customer360Hub.Storage;

/// <summary>
/// One write in a batch. <paramref name="IfMatch"/> makes it conditional on the ETag last read
/// (optimistic concurrency). <paramref name="TimeToLive"/> lets the store expire it (retention).
/// </summary>
public sealed record DocumentWrite(
    string Container,
    DocumentKey Key,
    WriteOperation Operation,
    ReadOnlyMemory<byte> Body = default,
    string? IfMatch = null,
    TimeSpan? TimeToLive = null)
{
    public static DocumentWrite Upsert(string container, DocumentKey key, ReadOnlyMemory<byte> body, string? ifMatch = null) =>
        new(container, key, WriteOperation.Upsert, body, ifMatch);

    public static DocumentWrite Create(string container, DocumentKey key, ReadOnlyMemory<byte> body) =>
        new(container, key, WriteOperation.Create, body);

    public static DocumentWrite Delete(string container, DocumentKey key, string? ifMatch = null) =>
        new(container, key, WriteOperation.Delete, default, ifMatch);
}
