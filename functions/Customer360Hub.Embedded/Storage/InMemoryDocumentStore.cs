using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.Storage;

/// <summary>
/// The profile store port held in memory: the same contract as the SQLite store (ETags,
/// all-or-nothing batches, id-ordered partition pages, expiry) without a file. For batch jobs
/// whose state is thrown away at the end, such as <c>c360 resolve</c>. One lock serialises
/// access; reads copy nothing but the document list. A written body that spans a whole array is
/// kept as it is, not copied: writers hand their serialised bodies over and never change them.
/// </summary>
public sealed class InMemoryDocumentStore(TimeProvider time) : IDocumentStore
{
    private readonly Dictionary<string, Dictionary<string, SortedDictionary<string, Entry>>> _containers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _etag;

    public Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = time.GetUtcNow();
        var found = new List<StoredDocument>(keys.Count);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (TryGet(container, key, now, out var entry))
                {
                    found.Add(new StoredDocument(key, ETagOf(entry), entry.Body));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<StoredDocument>>(found);
    }

    public Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var after = query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
        var now = time.GetUtcNow();
        var items = new List<StoredDocument>(Math.Min(query.Limit, 16));
        var more = false;
        lock (_lock)
        {
            if (_containers.TryGetValue(container, out var partitions) && partitions.TryGetValue(partitionKey, out var documents))
            {
                foreach (var (id, entry) in query.Descending ? documents.Reverse() : documents)
                {
                    if ((query.IdPrefix is not null && !id.StartsWith(query.IdPrefix, StringComparison.Ordinal))
                        || (query.IdBelow is not null && string.CompareOrdinal(id, query.IdBelow) >= 0)
                        || (after is not null && (query.Descending ? string.CompareOrdinal(id, after) >= 0 : string.CompareOrdinal(id, after) <= 0))
                        || Expired(entry, now))
                    {
                        continue;
                    }

                    if (items.Count == query.Limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(new StoredDocument(new DocumentKey(partitionKey, id), ETagOf(entry), entry.Body));
                }
            }
        }

        return Task.FromResult(new DocumentPage(items, more ? EncodeToken(items[^1].Key.Id) : null));
    }

    public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            // Check every condition against the state the batch itself builds up, then apply: all or nothing.
            var pending = new Dictionary<(string, DocumentKey), bool>();
            foreach (var write in writes)
            {
                bool exists;
                string? currentETag = null;
                if (pending.TryGetValue((write.Container, write.Key), out var planned))
                {
                    // Written earlier in this batch: its ETag is a new one nobody has read yet.
                    exists = planned;
                }
                else
                {
                    exists = TryGet(write.Container, write.Key, now, out var current);
                    currentETag = exists ? ETagOf(current) : null;
                }

                if (write.IfMatch is not null && (!exists || currentETag != write.IfMatch))
                {
                    throw new DocumentConflictException(write.Container, write.Key, exists ? "it changed since it was read" : "it no longer exists");
                }

                switch (write.Operation)
                {
                    case WriteOperation.Check when write.IfMatch is null && exists:
                        throw new DocumentConflictException(write.Container, write.Key, "it already exists");
                    case WriteOperation.Check:
                        break;
                    case WriteOperation.Create when exists:
                        throw new DocumentConflictException(write.Container, write.Key, "it already exists");
                    case WriteOperation.Replace when !exists:
                        throw new DocumentConflictException(write.Container, write.Key, "it does not exist");
                    default:
                        pending[(write.Container, write.Key)] = write.Operation != WriteOperation.Delete;
                        break;
                }
            }

            foreach (var write in writes.Where(w => w.Operation != WriteOperation.Check))
            {
                Apply(write, now);
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredDocument> ScanAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<StoredDocument> snapshot;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            snapshot = !_containers.TryGetValue(container, out var partitions) ? [] : partitions
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => p.Value.Where(d => !Expired(d.Value, now)).Select(d => new StoredDocument(new DocumentKey(p.Key, d.Key), ETagOf(d.Value), d.Value.Body)))
                .ToList();
        }

        foreach (var document in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return document;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void Apply(DocumentWrite write, DateTimeOffset now)
    {
        if (!_containers.TryGetValue(write.Container, out var partitions))
        {
            _containers[write.Container] = partitions = new Dictionary<string, SortedDictionary<string, Entry>>(StringComparer.Ordinal);
        }

        if (write.Operation == WriteOperation.Delete)
        {
            if (partitions.TryGetValue(write.Key.PartitionKey, out var existing) && existing.Remove(write.Key.Id) && existing.Count == 0)
            {
                partitions.Remove(write.Key.PartitionKey);
            }

            return;
        }

        if (!partitions.TryGetValue(write.Key.PartitionKey, out var documents))
        {
            partitions[write.Key.PartitionKey] = documents = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        }

        var body = MemoryMarshal.TryGetArray(write.Body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : write.Body.ToArray();
        documents[write.Key.Id] = new Entry(body, ++_etag, write.TimeToLive is { } ttl ? now + ttl : null);
    }

    private bool TryGet(string container, DocumentKey key, DateTimeOffset now, out Entry entry)
    {
        entry = default;
        return _containers.TryGetValue(container, out var partitions)
            && partitions.TryGetValue(key.PartitionKey, out var documents)
            && documents.TryGetValue(key.Id, out entry)
            && !Expired(entry, now);
    }

    private static bool Expired(Entry entry, DateTimeOffset now) => entry.ExpiresAt is { } at && at <= now;

    private static string EncodeToken(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), ex);
        }
    }

    // ETags are kept as numbers and spelled out only when read: most documents are never read back.
    private static string ETagOf(Entry entry) => "\"" + entry.Version.ToString("x", CultureInfo.InvariantCulture) + "\"";

    private readonly record struct Entry(byte[] Body, long Version, DateTimeOffset? ExpiresAt);
}
