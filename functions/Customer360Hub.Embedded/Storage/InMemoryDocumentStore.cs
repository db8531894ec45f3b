using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
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
/// Each entry builds its <see cref="StoredDocument"/> once, on its first read, and hands the same
/// immutable instance to every later reader (an index block is read far more often than written),
/// and the clock is read only once something was written with a time to live.
/// </summary>
public sealed class InMemoryDocumentStore(TimeProvider time) : IDocumentStore
{
    private readonly Dictionary<string, Dictionary<string, SortedList<string, Entry>>> _containers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _etag;
    private bool _expiring;

    public Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<StoredDocument>(keys.Count);
        lock (_lock)
        {
            var now = Now();
            foreach (var key in keys)
            {
                if (TryGet(container, key, now, out var entry))
                {
                    found.Add(entry.Document(key));
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
        var items = new List<StoredDocument>(Math.Min(query.Limit, 16));
        var more = false;
        lock (_lock)
        {
            var now = Now();
            if (_containers.TryGetValue(container, out var partitions) && partitions.TryGetValue(partitionKey, out var documents))
            {
                // A partition is an array sorted by id: a page starts at a binary search, not at the first id.
                var ids = documents.Keys;
                var entries = documents.Values;
                var step = query.Descending ? -1 : 1;
                int start;
                if (query.Descending)
                {
                    start = after is null ? ids.Count - 1 : Below(ids, after) - 1;
                }
                else
                {
                    start = after is null ? 0 : Below(ids, after);
                    if (start < ids.Count && after is not null && string.Equals(ids[start], after, StringComparison.Ordinal))
                    {
                        start++;
                    }
                }

                for (var i = start; i >= 0 && i < ids.Count; i += step)
                {
                    var id = ids[i];
                    var entry = entries[i];
                    if ((query.IdPrefix is not null && !id.StartsWith(query.IdPrefix, StringComparison.Ordinal))
                        || (query.IdBelow is not null && string.CompareOrdinal(id, query.IdBelow) >= 0)
                        || Expired(entry, now))
                    {
                        continue;
                    }

                    if (items.Count == query.Limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(entry.Document(partitionKey, id));
                }
            }
        }

        return Task.FromResult(new DocumentPage(items, more ? EncodeToken(items[^1].Key.Id) : null));
    }

    public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_lock)
        {
            var now = Now();
            // Check every condition against the state the batch itself builds up, then apply: all
            // or nothing. Only conditional writes (an ETag, a create, a replace, a check) are checked, and
            // the batch is searched for an earlier write of their document: batches are short and
            // carry few conditions, so this costs less than indexing every write of every batch.
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (write.IfMatch is null && write.Operation is WriteOperation.Upsert or WriteOperation.Delete)
                {
                    continue;
                }

                bool exists;
                string? currentETag = null;
                if (EarlierWrite(writes, i) is { } planned)
                {
                    // Written earlier in this batch: its ETag is a new one nobody has read yet.
                    exists = planned.Operation != WriteOperation.Delete;
                }
                else
                {
                    currentETag = TryGet(write.Container, write.Key, now, out var current) ? current.ETag : null;
                    exists = currentETag is not null;
                }

                if (write.IfMatch is not null && (!exists || currentETag != write.IfMatch))
                {
                    throw new DocumentConflictException(write.Container, write.Key, exists ? "it changed since it was read" : "it no longer exists");
                }

                if (write.Operation == WriteOperation.Create && exists)
                {
                    throw new DocumentConflictException(write.Container, write.Key, "it already exists");
                }

                if (write.Operation == WriteOperation.Check && write.IfMatch is null && exists)
                {
                    throw new DocumentConflictException(write.Container, write.Key, "it already exists");
                }

                if (write.Operation == WriteOperation.Replace && !exists)
                {
                    throw new DocumentConflictException(write.Container, write.Key, "it does not exist");
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
        lock (_lock)
        {
            var now = Now();
            snapshot = !_containers.TryGetValue(container, out var partitions) ? [] : partitions
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => p.Value.Where(d => !Expired(d.Value, now)).Select(d => d.Value.Document(p.Key, d.Key)))
                .ToList();
        }

        foreach (var document in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return document;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The last write (not a check) before position <paramref name="index"/> of the same document, if any.</summary>
    private static DocumentWrite? EarlierWrite(IReadOnlyList<DocumentWrite> writes, int index)
    {
        var write = writes[index];
        for (var j = index - 1; j >= 0; j--)
        {
            if (writes[j].Operation != WriteOperation.Check && writes[j].Key == write.Key && string.Equals(writes[j].Container, write.Container, StringComparison.Ordinal))
            {
                return writes[j];
            }
        }

        return null;
    }

    private void Apply(DocumentWrite write, DateTimeOffset? now)
    {
        if (!_containers.TryGetValue(write.Container, out var partitions))
        {
            _containers[write.Container] = partitions = new Dictionary<string, SortedList<string, Entry>>(StringComparer.Ordinal);
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
            partitions[write.Key.PartitionKey] = documents = new SortedList<string, Entry>(1, StringComparer.Ordinal);
        }

        var body = MemoryMarshal.TryGetArray(write.Body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : write.Body.ToArray();
        DateTimeOffset? expiresAt = null;
        if (write.TimeToLive is { } ttl)
        {
            _expiring = true;
            expiresAt = (now ?? time.GetUtcNow()) + ttl;
        }

        documents[write.Key.Id] = new Entry(body, ++_etag, expiresAt);
    }

    /// <summary>The time expiry is judged by; null while nothing can expire.</summary>
    private DateTimeOffset? Now() => _expiring ? time.GetUtcNow() : null;

    private bool TryGet(string container, DocumentKey key, DateTimeOffset? now, [MaybeNullWhen(false)] out Entry entry)
    {
        entry = null;
        return _containers.TryGetValue(container, out var partitions)
            && partitions.TryGetValue(key.PartitionKey, out var documents)
            && documents.TryGetValue(key.Id, out entry)
            && !Expired(entry, now);
    }

    private static bool Expired(Entry entry, DateTimeOffset? now) => entry.ExpiresAt is { } at && at <= now;

    /// <summary>The position of the first id at or above <paramref name="id"/> (ordinal order).</summary>
    private static int Below(IList<string> ids, string id)
    {
        var (low, high) = (0, ids.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(ids[middle], id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

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

    private sealed class Entry(byte[] body, long version, DateTimeOffset? expiresAt)
    {
        private StoredDocument? _document;

        public DateTimeOffset? ExpiresAt => expiresAt;

        // ETags are kept as numbers and spelled out only when read: most documents are never read back.
        public string ETag => _document?.ETag ?? "\"" + version.ToString("x", CultureInfo.InvariantCulture) + "\"";

        public StoredDocument Document(DocumentKey key) => _document ??= new StoredDocument(key, ETag, body);

        public StoredDocument Document(string partitionKey, string id) => _document ??= new StoredDocument(new DocumentKey(partitionKey, id), ETag, body);
    }
}
