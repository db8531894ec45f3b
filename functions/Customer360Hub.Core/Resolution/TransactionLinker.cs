using Customer360Hub.Changes;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Customer360Hub.Timeline;

namespace Customer360Hub.Resolution;

/// <summary>
/// Hangs transactions (orders, invoices, tickets, ...) on the profile of their customer. Each
/// transaction is indexed under its customer reference: in <c>refs</c> once linked (with the
/// profile), in <c>pending</c> while nobody holds the reference, so one that arrives before its
/// customer waits and links later. Re-linking asks <see cref="CustomerRefs"/> who holds a
/// reference now and moves entries (and their share of the aggregates) where they belong, so it is
/// correct after any merge or split, whichever engine decided it.
/// </summary>
public sealed class TransactionLinker(HubStore store, CustomerRefs refs, TimelineLedger ledger, RetentionPolicy retention, TimeProvider time)
{
    private const int WriteChunk = 100;

    /// <summary>Applies one transaction change; returns the profiles whose timeline it touched.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(SourceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (await ApplyAllAsync([change], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Applies transaction changes in order; returns, per change, the profiles whose timeline it
    /// touched. Changes of distinct records are applied together: one timeline write (and one
    /// aggregates update) per profile and one head bump per customer reference, instead of one per
    /// change (a customer's transactions arrive together, see the bus's partition keys). A record
    /// that comes again starts a new group, so its later change sees the earlier one.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyCollection<string>>> ApplyAllAsync(IReadOnlyList<SourceChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = new List<IReadOnlyCollection<string>>(changes.Count);
        var group = new List<SourceChange>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            if (!keys.Add(change.RecordKey))
            {
                touched.AddRange(await ApplyGroupAsync(group, cancellationToken).ConfigureAwait(false));
                group.Clear();
                keys.Clear();
                keys.Add(change.RecordKey);
            }

            group.Add(change);
        }

        touched.AddRange(await ApplyGroupAsync(group, cancellationToken).ConfigureAwait(false));
        return touched;
    }

    /// <summary>Changes of distinct records: timelines first, then every record and index write in one batch, so until the records are written a retry redoes everything.</summary>
    private async Task<List<IReadOnlyCollection<string>>> ApplyGroupAsync(List<SourceChange> changes, CancellationToken cancellationToken)
    {
        var touched = new List<IReadOnlyCollection<string>>(changes.Count);
        if (changes.Count == 0)
        {
            return touched;
        }

        var stored = (await store.Records.GetManyAsync(changes.Select(c => DocumentKey.Single(c.RecordKey)).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Key.Id, StringComparer.Ordinal);

        // Transactions never change who holds a reference, so it is resolved once per group.
        var holders = new Dictionary<string, string?>(StringComparer.Ordinal);
        var linkedRefs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var timelines = new Dictionary<string, (List<TimelineEntry> Puts, List<string> Removals)>(StringComparer.Ordinal);
        var entryTtls = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal);
        var writes = new List<DocumentWrite>();
        foreach (var change in changes)
        {
            var recordKey = DocumentKey.Single(change.RecordKey);
            var existing = stored.GetValueOrDefault(change.RecordKey);
            if (existing is not null && !existing.Document.IsOlderThan(change))
            {
                touched.Add(existing.Document.ProfileId is { } same ? [same] : []);
                continue;
            }

            var customerRef = refs.Normalize(change.CustomerRef);
            var record = SourceRecord.From(change) with { CustomerRef = customerRef };
            var kind = KindNames.ToName(change.Kind);
            var expired = !record.Deleted && retention.IsExpired(kind, TimelineEntries.OccurredAt(record));
            var live = !record.Deleted && !expired && customerRef is not null;
            string? target = null;
            if (live && !holders.TryGetValue(customerRef!, out target))
            {
                target = holders[customerRef!] = await refs.ResolveAsync(customerRef!, cancellationToken).ConfigureAwait(false);
            }

            record = record with { ProfileId = target };
            var ttl = expired ? null : retention.ForTransaction(kind, TimelineEntries.OccurredAt(record));

            var profiles = new HashSet<string>(StringComparer.Ordinal);
            var old = existing?.Document;
            var entry = target is null ? null : TimelineEntries.For(record, target);
            if (old is { ProfileId: { } oldProfile, Deleted: false } && (oldProfile != target || TimelineEntries.IdOf(old) != entry?.Id))
            {
                TimelineOf(timelines, oldProfile).Removals.Add(TimelineEntries.IdOf(old));
                profiles.Add(oldProfile);
            }

            if (entry is not null)
            {
                TimelineOf(timelines, target!).Puts.Add(entry);
                entryTtls[entry.Id] = ttl;
                profiles.Add(target!);
            }

            if (old is { Deleted: false, CustomerRef: { } oldRef } && (!live || oldRef != customerRef || (old.ProfileId is null) != (target is null)))
            {
                writes.Add(old.ProfileId is null
                    ? store.Pending.Delete(new DocumentKey(oldRef, change.RecordKey))
                    : store.Refs.Delete(new DocumentKey(oldRef, RefLink.IdFor(RefLink.Transaction, change.RecordKey))));
            }

            if (live)
            {
                writes.Add(IndexWrite(record, ttl));
                linkedRefs[customerRef!] = target;
            }
            else if (!record.Deleted && !expired)
            {
                writes.Add(store.Quarantine.Upsert(
                    new DocumentKey(change.Source, change.EntityType + "/" + change.RecordId),
                    new QuarantinedRecord(change.Source, change.EntityType, change.RecordId, "the transaction names no valid customer reference, so it cannot be linked", change.RawRef, time.GetUtcNow())));
            }

            if (expired)
            {
                writes.Add(store.Records.Delete(recordKey));
            }
            else
            {
                var recordWrite = existing is null ? store.Records.Create(recordKey, record) : store.Records.Replace(recordKey, record, existing.ETag);
                writes.Add(recordWrite with { TimeToLive = ttl });
            }

            touched.Add(profiles);
        }

        foreach (var (profileId, (puts, removals)) in timelines)
        {
            await ledger.ApplyAsync(profileId, puts, removals, e => entryTtls.GetValueOrDefault(e.Id), cancellationToken).ConfigureAwait(false);
        }

        // The head moves on once per reference; it stays "all on the holder" only if it was before.
        foreach (var (customerRef, target) in linkedRefs)
        {
            var head = await refs.HeadAsync(customerRef, cancellationToken).ConfigureAwait(false);
            var allOnTarget = target is not null && (head is null || head.Document.LinkedTo == target);
            writes.Add(refs.Bump(customerRef, head, allOnTarget ? target : null));
        }

        if (writes.Count > 0)
        {
            await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        return touched;
    }

    private static (List<TimelineEntry> Puts, List<string> Removals) TimelineOf(Dictionary<string, (List<TimelineEntry> Puts, List<string> Removals)> timelines, string profileId)
    {
        if (!timelines.TryGetValue(profileId, out var timeline))
        {
            timelines[profileId] = timeline = ([], []);
        }

        return timeline;
    }

    /// <summary>
    /// Re-links every transaction indexed under <paramref name="customerRefs"/> to whoever holds
    /// each reference now (or parks it in <c>pending</c>); returns the profiles whose timelines changed.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ReevaluateAsync(IEnumerable<string> customerRefs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerRefs);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customerRef in customerRefs.Distinct(StringComparer.Ordinal))
        {
            var target = await refs.ResolveAsync(customerRef, cancellationToken).ConfigureAwait(false);
            var head = await refs.HeadAsync(customerRef, cancellationToken).ConfigureAwait(false);
            if (target is not null && head?.Document.LinkedTo == target)
            {
                // Everything under the reference is already on its holder: nothing to read or move.
                // The head still moves on, so a concurrent batch that links under it is retried.
                await store.Documents.WriteAsync([refs.Bump(customerRef, head, target)], cancellationToken).ConfigureAwait(false);
                continue;
            }

            var linked = await store.Refs.QueryAllAsync(customerRef, RefLink.Transaction + "|", cancellationToken).ConfigureAwait(false);
            var moving = linked
                .Where(l => l.Document.Kind == RefLink.Transaction && l.Document.ProfileId != target)
                .Select(l => (l.Document.RecordKey, From: l.Document.ProfileId))
                .ToList();
            if (target is not null)
            {
                var waiting = await store.Pending.QueryAllAsync(customerRef, cancellationToken).ConfigureAwait(false);
                moving.AddRange(waiting.Select(p => (p.Document.RecordKey, From: (string?)null)));
            }

            if (moving.Count > 0)
            {
                await MoveAsync(customerRef, moving, target, touched, cancellationToken).ConfigureAwait(false);
            }

            await store.Documents.WriteAsync([refs.Bump(customerRef, head, target)], cancellationToken).ConfigureAwait(false);
        }

        return touched;
    }

    private async Task MoveAsync(string customerRef, List<(string RecordKey, string? From)> moving, string? target, HashSet<string> touched, CancellationToken cancellationToken)
    {
        var records = (await store.Records.GetManyAsync(moving.Select(m => DocumentKey.Single(m.RecordKey)).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Key.Id, StringComparer.Ordinal);
        var movable = new List<Versioned<SourceRecord>>();
        var cleanup = new List<DocumentWrite>();
        foreach (var (recordKey, from) in moving)
        {
            if (records.TryGetValue(recordKey, out var found) && found.Document is { Deleted: false } transaction && transaction.CustomerRef == customerRef)
            {
                movable.Add(found);
            }
            else
            {
                // The transaction is gone or now names another customer: its index entry is stale.
                cleanup.Add(from is null
                    ? store.Pending.Delete(new DocumentKey(customerRef, recordKey))
                    : store.Refs.Delete(new DocumentKey(customerRef, RefLink.IdFor(RefLink.Transaction, recordKey))));
            }
        }

        if (target is not null)
        {
            var entries = movable.Select(r => TimelineEntries.For(r.Document, target)).ToList();
            await ledger.ApplyAsync(target, entries, [], e => retention.ForTransaction(e.Kind, e.OccurredAt), cancellationToken).ConfigureAwait(false);
            touched.Add(target);
        }

        foreach (var group in movable.Where(r => r.Document.ProfileId is not null && r.Document.ProfileId != target).GroupBy(r => r.Document.ProfileId!, StringComparer.Ordinal))
        {
            await ledger.ApplyAsync(group.Key, [], group.Select(r => TimelineEntries.IdOf(r.Document)).ToList(), null, cancellationToken).ConfigureAwait(false);
            touched.Add(group.Key);
        }

        // Also clear the old profile of moves whose record never got its new profile written (a crash mid-move).
        foreach (var group in moving.Where(m => m.From is not null && m.From != target && records.TryGetValue(m.RecordKey, out var r) && r.Document.ProfileId != m.From)
                     .GroupBy(m => m.From!, StringComparer.Ordinal))
        {
            var ids = group.Where(m => records.ContainsKey(m.RecordKey)).Select(m => TimelineEntries.IdOf(records[m.RecordKey].Document)).ToList();
            await ledger.ApplyAsync(group.Key, [], ids, null, cancellationToken).ConfigureAwait(false);
            touched.Add(group.Key);
        }

        // A record's index and record writes stay in one batch; batches stay small.
        var groups = cleanup.Select(c => new[] { c }).ToList();
        foreach (var found in movable)
        {
            var record = found.Document with { ProfileId = target };
            var ttl = retention.ForTransaction(KindNames.ToName(record.Kind), TimelineEntries.OccurredAt(record));
            var group = new List<DocumentWrite>(3);
            if ((found.Document.ProfileId is null) != (target is null))
            {
                group.Add(found.Document.ProfileId is null
                    ? store.Pending.Delete(new DocumentKey(customerRef, record.RecordKey))
                    : store.Refs.Delete(new DocumentKey(customerRef, RefLink.IdFor(RefLink.Transaction, record.RecordKey))));
            }

            group.Add(IndexWrite(record, ttl));
            group.Add(store.Records.Replace(found.Key, record, found.ETag) with { TimeToLive = ttl });
            groups.Add([.. group]);
        }

        foreach (var batch in groups.Chunk(WriteChunk / 3))
        {
            await store.Documents.WriteAsync(batch.SelectMany(g => g).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private DocumentWrite IndexWrite(SourceRecord record, TimeSpan? ttl) => (record.ProfileId is { } profileId
        ? store.Refs.Upsert(new DocumentKey(record.CustomerRef!, RefLink.IdFor(RefLink.Transaction, record.RecordKey)), new RefLink(RefLink.Transaction, record.RecordKey) { ProfileId = profileId })
        : store.Pending.Upsert(new DocumentKey(record.CustomerRef!, record.RecordKey), new PendingLink(record.RecordKey, record.CustomerRef!, time.GetUtcNow()))) with { TimeToLive = ttl };
}
