using System.Runtime.CompilerServices;

namespace Customer360Hub.Storage;

/// <summary>
/// An <see cref="IDocumentStore"/> decorator that lets a handler batch run as one unit of work:
/// inside <see cref="Begin"/>, writes are buffered and later reads see them; <see cref="UnitOfWork.CommitAsync"/>
/// sends them to the inner store in a single write batch (one SQLite transaction; bulk in Cosmos).
/// Outside a unit of work every call passes straight through (writes also bump the guards of their
/// partitions, see <see cref="PartitionGuards"/>; scans never return guards). The unit flows with
/// the async context, so the engines need not know about it.
/// </summary>
/// <param name="guardPartitions">
/// False for a store with a single writer that never runs units of work (a batch job's private
/// in-memory store): guards protect concurrent writers only, and bumping them doubles the writes.
/// </param>
public sealed class UnitOfWorkStore(IDocumentStore inner, bool guardPartitions = true) : IDocumentStore
{
    private readonly AsyncLocal<UnitOfWork?> _current = new();

    public IDocumentStore Inner => inner;

    /// <summary>Starts a unit of work for the current async flow; dispose it to end the scope (uncommitted writes are dropped).</summary>
    public UnitOfWork Begin()
    {
        if (!guardPartitions)
        {
            throw new InvalidOperationException("Units of work need partition guards; this store was built for a single writer without them.");
        }

        if (_current.Value is { IsActive: true })
        {
            throw new InvalidOperationException("A unit of work is already active in this flow.");
        }

        var work = new UnitOfWork(inner, () => _current.Value = null);
        _current.Value = work;
        return work;
    }

    public Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default) =>
        Active is { } work ? work.ReadAsync(container, keys, cancellationToken) : inner.ReadAsync(container, keys, cancellationToken);

    public Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default) =>
        Active is { } work ? work.QueryAsync(container, partitionKey, query, cancellationToken) : inner.QueryAsync(container, partitionKey, query, cancellationToken);

    public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) =>
        Active is { } work ? work.WriteAsync(writes, cancellationToken) : inner.WriteAsync(guardPartitions ? WithGuards(writes) : writes, cancellationToken);

    /// <summary>Scans committed state only; batch jobs do not run inside a unit of work.</summary>
    public async IAsyncEnumerable<StoredDocument> ScanAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var document in inner.ScanAsync(container, cancellationToken).ConfigureAwait(false))
        {
            if (!PartitionGuards.IsGuard(document.Key))
            {
                yield return document;
            }
        }
    }

    /// <summary>A write outside a unit of work (a steward action, an erasure) still tells the units that queried its partitions.</summary>
    private static IReadOnlyList<DocumentWrite> WithGuards(IReadOnlyList<DocumentWrite> writes)
    {
        List<DocumentWrite>? guarded = null;
        HashSet<(string, DocumentKey)>? seen = null;
        foreach (var write in writes)
        {
            if (PartitionGuards.Applies(write.Key) && (seen ??= []).Add((write.Container, PartitionGuards.For(write.Key.PartitionKey))))
            {
                (guarded ??= [.. writes]).Add(new DocumentWrite(write.Container, PartitionGuards.For(write.Key.PartitionKey), WriteOperation.Upsert, PartitionGuards.Body));
            }
        }

        return guarded ?? writes;
    }

    private UnitOfWork? Active => _current.Value is { IsActive: true } work ? work : null;
}
