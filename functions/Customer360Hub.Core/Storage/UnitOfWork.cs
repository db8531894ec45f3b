using System.Globalization;
using System.Text;

namespace Customer360Hub.Storage;

/// <summary>
/// The buffered writes of one unit of work (<see cref="UnitOfWorkStore.Begin"/>). Conditions are
/// checked twice: against the buffered state when a write is made (so the engines see the same
/// conflicts they would see unbuffered) and against the store at commit, where each document's
/// write is conditional on the version first read, so a concurrent writer makes the whole commit
/// fail and the batch is retried. Partition queries are guarded too (<see cref="PartitionGuards"/>):
/// a concurrent unit that adds or removes a document in a partition this unit queried makes the
/// commit fail, so no decision rests on a partition read that is no longer true (phantoms). Only
/// the guards of partitions the unit wrote to are bumped; those it only queried are checked, so
/// units that merely read the same partitions (the scorer and the resolver) never fail each other.
/// Not thread-safe: one handler flow uses it at a time.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private const string TokenPrefix = "uow:";

    private readonly IDocumentStore _inner;
    private readonly Action _end;
    private readonly Dictionary<(string Container, DocumentKey Key), Entry> _entries = [];
    private readonly HashSet<(string Container, DocumentKey Guard)> _queriedGuards = [];
    private readonly HashSet<(string Container, DocumentKey Guard)> _writtenGuards = [];

    // Buffered documents by partition, so a query finds its partition's changes without scanning the whole unit.
    private readonly Dictionary<(string Container, string PartitionKey), HashSet<string>> _dirtyIds = [];
    private readonly Dictionary<(string Container, string PartitionKey, string? IdPrefix, string? IdBelow), SortedDictionary<string, StoredDocument>> _committed = [];
    private long _version;

    internal UnitOfWork(IDocumentStore inner, Action end)
    {
        _inner = inner;
        _end = end;
    }

    public bool IsActive { get; private set; } = true;

    /// <summary>Documents written (and not yet committed) in this unit.</summary>
    public int PendingWrites => _entries.Values.Count(e => e.Dirty);

    /// <summary>Writes every buffered change in one batch; the unit stays usable afterwards (clean).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var writes = new List<DocumentWrite>();
        foreach (var ((container, key), entry) in _entries)
        {
            if (entry.Dirty && !PartitionGuards.IsGuard(key) && entry.ToWrite(container, key) is { } write)
            {
                writes.Add(write);
            }
        }

        if (writes.Count == 0)
        {
            // Nothing written: nothing to guard either (a read-only unit decides nothing).
            return;
        }

        foreach (var (container, guard) in _writtenGuards)
        {
            writes.Add(GuardWrite(container, guard));
        }

        foreach (var (container, guard) in _queriedGuards)
        {
            if (!_writtenGuards.Contains((container, guard)))
            {
                writes.Add(GuardCheck(container, guard));
            }
        }

        await _inner.WriteAsync(writes, cancellationToken).ConfigureAwait(false);

        // The store assigned new ETags: forget what was written (and the guards) so later reads see the store's versions.
        foreach (var key in _entries.Where(e => e.Value.Dirty || PartitionGuards.IsGuard(e.Key.Key)).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }

        _queriedGuards.Clear();
        _writtenGuards.Clear();
        _dirtyIds.Clear();
        _committed.Clear();
    }

    public ValueTask DisposeAsync()
    {
        IsActive = false;
        _entries.Clear();
        _queriedGuards.Clear();
        _writtenGuards.Clear();
        _dirtyIds.Clear();
        _committed.Clear();
        _end();
        return ValueTask.CompletedTask;
    }

    internal async Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken)
    {
        await LoadAsync(container, keys, cancellationToken).ConfigureAwait(false);
        var found = new List<StoredDocument>(keys.Count);
        foreach (var key in keys)
        {
            if (_entries[(container, key)] is { Body: { } body, ETag: { } etag })
            {
                found.Add(new StoredDocument(key, etag, body));
            }
        }

        return found;
    }

    internal async Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken)
    {
        // The guard's version is read before the partition, so a writer that slips in between is caught at commit.
        // A guard this unit added by writing to the partition has not been read yet: it is read now (LoadAsync
        // skips guards already read), else the commit would bump it unconditionally and miss that writer.
        var guard = PartitionGuards.For(partitionKey);
        _queriedGuards.Add((container, guard));
        await LoadAsync(container, [guard], cancellationToken).ConfigureAwait(false);

        var dirty = _dirtyIds.TryGetValue((container, partitionKey), out var ids)
            ? ids.Select(id => new DocumentKey(partitionKey, id)).Select(key => (Key: key, Entry: _entries[(container, key)])).ToList()
            : [];
        var ownToken = query.ContinuationToken?.StartsWith(TokenPrefix, StringComparison.Ordinal) == true;
        if (dirty.Count == 0 && !ownToken)
        {
            return await _inner.QueryAsync(container, partitionKey, query, cancellationToken).ConfigureAwait(false);
        }

        // The partition has buffered changes: merge the whole committed partition with them and page in memory.
        var merged = new SortedDictionary<string, StoredDocument>(await CommittedAsync(container, partitionKey, query, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);

        foreach (var (entryKey, entry) in dirty)
        {
            var id = entryKey.Id;
            if ((query.IdPrefix is not null && !id.StartsWith(query.IdPrefix, StringComparison.Ordinal))
                || (query.IdBelow is not null && string.CompareOrdinal(id, query.IdBelow) >= 0))
            {
                continue;
            }

            if (entry.Body is { } body)
            {
                merged[id] = new StoredDocument(entryKey, entry.ETag!, body);
            }
            else
            {
                merged.Remove(id);
            }
        }

        IEnumerable<StoredDocument> ordered = query.Descending ? merged.Values.Reverse() : merged.Values;
        if (ownToken)
        {
            var after = Encoding.UTF8.GetString(Convert.FromBase64String(query.ContinuationToken![TokenPrefix.Length..]));
            ordered = ordered.Where(d => query.Descending ? string.CompareOrdinal(d.Key.Id, after) < 0 : string.CompareOrdinal(d.Key.Id, after) > 0);
        }

        var items = ordered.Take(query.Limit + 1).ToList();
        var more = items.Count > query.Limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new DocumentPage(items, more ? TokenPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(items[^1].Key.Id)) : null);
    }

    /// <summary>
    /// The committed documents of a partition (within the query's id range), read once per unit:
    /// the engines query a partition they wrote to again and again within one batch.
    /// </summary>
    private async Task<SortedDictionary<string, StoredDocument>> CommittedAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken)
    {
        var range = (container, partitionKey, query.IdPrefix, query.IdBelow);
        if (_committed.TryGetValue(range, out var cached))
        {
            return cached;
        }

        var committed = new SortedDictionary<string, StoredDocument>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            var page = await _inner.QueryAsync(container, partitionKey, query with { Limit = 1000, ContinuationToken = continuation, Descending = false }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                committed[item.Key.Id] = item;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        _committed[range] = committed;
        return committed;
    }

    internal async Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        // Documents whose committed state matters for the condition are loaded first.
        foreach (var group in writes.Where(NeedsCurrentState).GroupBy(w => w.Container))
        {
            await LoadAsync(group.Key, group.Select(w => w.Key).ToList(), cancellationToken).ConfigureAwait(false);
        }

        // Check every condition before applying anything, as the store would for a batch.
        var staged = new Dictionary<(string, DocumentKey), Entry>(writes.Count);
        Entry Current((string, DocumentKey) key) => staged.TryGetValue(key, out var s) ? s : _entries.TryGetValue(key, out var e) ? e : Entry.Unknown;
        foreach (var write in writes)
        {
            var key = (write.Container, write.Key);
            var current = Current(key);
            if (write.IfMatch is not null && current.ETag != write.IfMatch)
            {
                throw new DocumentConflictException(write.Container, write.Key, current.Body is null ? "it no longer exists" : "it changed since it was read");
            }

            if (write.Operation == WriteOperation.Create && current.Body is not null)
            {
                throw new DocumentConflictException(write.Container, write.Key, "it already exists");
            }

            if (write.Operation == WriteOperation.Replace && current.Body is null)
            {
                throw new DocumentConflictException(write.Container, write.Key, "it does not exist");
            }

            staged[key] = current.Apply(write, NextETag());
            if (PartitionGuards.Applies(write.Key))
            {
                _writtenGuards.Add((write.Container, PartitionGuards.For(write.Key.PartitionKey)));
            }
        }

        foreach (var (key, entry) in staged)
        {
            _entries[key] = entry;
            if (!_dirtyIds.TryGetValue((key.Item1, key.Item2.PartitionKey), out var ids))
            {
                _dirtyIds[(key.Item1, key.Item2.PartitionKey)] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(key.Item2.Id);
        }
    }

    /// <summary>
    /// Bumps a guard's version: conditional on the version this unit read before its queries, or
    /// unconditional when the unit only wrote to the partition (it then only has to tell readers).
    /// </summary>
    private DocumentWrite GuardWrite(string container, DocumentKey guard) =>
        _entries.TryGetValue((container, guard), out var read) && read.Known
            ? read.OriginallyPresent
                ? new DocumentWrite(container, guard, WriteOperation.Replace, PartitionGuards.Body, read.OriginalETag)
                : new DocumentWrite(container, guard, WriteOperation.Create, PartitionGuards.Body)
            : new DocumentWrite(container, guard, WriteOperation.Upsert, PartitionGuards.Body);

    /// <summary>Holds the commit to the guard's version read before the unit's queries, leaving the guard as it is.</summary>
    private DocumentWrite GuardCheck(string container, DocumentKey guard)
    {
        var read = _entries[(container, guard)];
        return new DocumentWrite(container, guard, WriteOperation.Check, PartitionGuards.Body, read.OriginallyPresent ? read.OriginalETag : null);
    }

    private static bool NeedsCurrentState(DocumentWrite write) =>
        write.IfMatch is not null || write.Operation is WriteOperation.Create or WriteOperation.Replace;

    private async Task LoadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken)
    {
        var missing = keys.Where(k => !_entries.TryGetValue((container, k), out var e) || !e.Known).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await _inner.ReadAsync(container, missing, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Key);
        foreach (var key in missing)
        {
            var stored = found.GetValueOrDefault(key);
            if (_entries.TryGetValue((container, key), out var blind))
            {
                // Written blind before any read: keep the buffered value, learn the committed version.
                _entries[(container, key)] = blind with { Known = true, OriginalETag = stored?.ETag, OriginallyPresent = stored is not null };
            }
            else
            {
                _entries[(container, key)] = new Entry(true, stored is not null, stored?.ETag, stored?.Body, stored?.ETag, null, false);
            }
        }
    }

    private string NextETag() => "\"uow-" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// One document's state in the unit: what the store had (if read), what it has now in the
    /// unit, and whether it must be written.
    /// </summary>
    private sealed record Entry(bool Known, bool OriginallyPresent, string? OriginalETag, ReadOnlyMemory<byte>? Body, string? ETag, TimeSpan? TimeToLive, bool Dirty)
    {
        public static Entry Unknown { get; } = new(false, false, null, null, null, null, false);

        public Entry Apply(DocumentWrite write, string etag) => write.Operation == WriteOperation.Delete
            ? this with { Body = null, ETag = null, TimeToLive = null, Dirty = true }
            : this with { Body = write.Body, ETag = etag, TimeToLive = write.TimeToLive, Dirty = true };

        /// <summary>The single store write that takes the document from its committed version to this one; null when there is nothing to do.</summary>
        public DocumentWrite? ToWrite(string container, DocumentKey key)
        {
            if (!Known)
            {
                // Never read: the engines wrote it unconditionally, so it is committed unconditionally.
                return Body is { } blindBody
                    ? new DocumentWrite(container, key, WriteOperation.Upsert, blindBody, null, TimeToLive)
                    : new DocumentWrite(container, key, WriteOperation.Delete);
            }

            if (Body is not { } body)
            {
                return OriginallyPresent ? new DocumentWrite(container, key, WriteOperation.Delete, default, OriginalETag) : null;
            }

            return OriginallyPresent
                ? new DocumentWrite(container, key, WriteOperation.Replace, body, OriginalETag, TimeToLive)
                : new DocumentWrite(container, key, WriteOperation.Create, body, null, TimeToLive);
        }
    }
}
