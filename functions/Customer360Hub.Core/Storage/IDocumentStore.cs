namespace Customer360Hub.Storage;

/// <summary>
/// The profile store port: JSON documents in containers, addressed by partition key and id,
/// with ETag optimistic concurrency. Profiles, source records, the identity index and
/// timelines are typed views over it. Embedded: SQLite. Azure: Cosmos DB (NoSQL API).
/// </summary>
public interface IDocumentStore
{
    /// <summary>Point reads; missing documents are left out of the result.</summary>
    Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default);

    /// <summary>One page of one partition, ordered by id.</summary>
    Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies writes in order. Throws <see cref="DocumentConflictException"/> when a condition
    /// fails. Embedded: the batch is all-or-nothing. Cosmos: all-or-nothing per partition, so
    /// callers keep every write idempotent and retry the whole unit.
    /// </summary>
    Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Every document of a container (batch jobs: snapshots, signals, retention).</summary>
    IAsyncEnumerable<StoredDocument> ScanAsync(string container, CancellationToken cancellationToken = default);
}
