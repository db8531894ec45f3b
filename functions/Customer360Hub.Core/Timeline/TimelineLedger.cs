using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Timeline;

/// <summary>
/// Writes a profile's timeline entries together with its aggregates: each batch reads the
/// entries it replaces and the aggregates document, applies the difference and writes both under
/// their ETags in one batch of one partition (atomic in SQLite and in a Cosmos DB transactional
/// batch). Re-applying the same entries is a no-op, so a retry after any failure is harmless.
/// </summary>
public sealed class TimelineLedger(HubStore store, AggregateCalculator calculator, TimeProvider time)
{
    /// <summary>Cosmos DB takes 100 operations per transactional batch: entries plus the aggregates document.</summary>
    private const int MaxEntriesPerBatch = 99;
    private const int MaxAttempts = 16;

    /// <summary>Puts and removes entries of one profile; <paramref name="timeToLive"/> gives an entry's retention.</summary>
    public async Task ApplyAsync(
        string profileId,
        IReadOnlyList<TimelineEntry> puts,
        IReadOnlyList<string> removals,
        Func<TimelineEntry, TimeSpan?>? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(puts);
        ArgumentNullException.ThrowIfNull(removals);
        var putIds = puts.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var removeOnly = removals.Where(r => !putIds.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
        if (puts.Count + removeOnly.Count <= MaxEntriesPerBatch)
        {
            await ApplyBatchAsync(profileId, [.. puts], removeOnly, timeToLive, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var chunk in puts.Chunk(MaxEntriesPerBatch))
        {
            await ApplyBatchAsync(profileId, [.. chunk], [], timeToLive, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in removeOnly.Chunk(MaxEntriesPerBatch))
        {
            await ApplyBatchAsync(profileId, [], [.. chunk], timeToLive, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyBatchAsync(string profileId, List<TimelineEntry> puts, List<string> removals, Func<TimelineEntry, TimeSpan?>? timeToLive, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var aggregatesKey = new DocumentKey(profileId, ProfileAggregates.DocumentId);
            var stored = await store.Aggregates.GetAsync(aggregatesKey, cancellationToken).ConfigureAwait(false);
            var ids = puts.Select(p => p.Id).Concat(removals).Distinct(StringComparer.Ordinal).Select(id => new DocumentKey(profileId, id)).ToList();
            var existing = (await store.Timeline.GetManyAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Key.Id, StringComparer.Ordinal);

            var state = stored?.Document ?? new ProfileAggregates { ProfileId = profileId };
            var lost = false;
            var writes = new List<DocumentWrite>();
            foreach (var id in removals.Where(existing.ContainsKey))
            {
                var old = existing[id];
                (state, var gone) = calculator.Remove(state, old.Document);
                lost |= gone;
                writes.Add(store.Timeline.Delete(old.Key, old.ETag));
            }

            foreach (var entry in puts)
            {
                var key = new DocumentKey(profileId, entry.Id);
                if (existing.TryGetValue(entry.Id, out var old))
                {
                    if (old.Document == entry)
                    {
                        continue;
                    }

                    (state, var gone) = calculator.Remove(state, old.Document);
                    lost |= gone;
                    writes.Add(store.Timeline.Replace(key, entry, old.ETag) with { TimeToLive = timeToLive?.Invoke(entry) });
                }
                else
                {
                    writes.Add(store.Timeline.Create(key, entry) with { TimeToLive = timeToLive?.Invoke(entry) });
                }

                state = calculator.Add(state, entry);
            }

            if (writes.Count == 0)
            {
                return;
            }

            if (lost)
            {
                var skip = new HashSet<string>(ids.Select(k => k.Id), StringComparer.Ordinal);
                var found = await NewestInteractionAsync(profileId, skip, cancellationToken).ConfigureAwait(false);
                if (found is { } at && (state.LastInteractionAt is null || at > state.LastInteractionAt))
                {
                    state = state with { LastInteractionAt = at };
                }
            }

            state = calculator.Prune(state) with { ChangedAt = time.GetUtcNow() };
            if (AggregateCalculator.IsEmpty(state))
            {
                if (stored is not null)
                {
                    writes.Add(store.Aggregates.Delete(aggregatesKey, stored.ETag));
                }
            }
            else
            {
                writes.Add(stored is null ? store.Aggregates.Create(aggregatesKey, state) : store.Aggregates.Replace(aggregatesKey, state, stored.ETag));
            }

            try
            {
                await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DocumentConflictException) when (attempt < MaxAttempts)
            {
                // Another writer changed this timeline: read again and redo the difference.
            }
        }
    }

    /// <summary>The newest interaction on the stored timeline, skipping entries this batch replaces.</summary>
    private async Task<DateTimeOffset?> NewestInteractionAsync(string profileId, HashSet<string> skip, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var (items, next) = await store.Timeline.QueryAsync(
                profileId,
                new DocumentQuery(Limit: 100, Descending: true, IdPrefix: TimelineEntry.IdPrefix, ContinuationToken: continuation),
                cancellationToken).ConfigureAwait(false);
            var hit = items.FirstOrDefault(i => !skip.Contains(i.Key.Id) && calculator.IsInteraction(i.Document.Kind));
            if (hit is not null)
            {
                return hit.Document.OccurredAt;
            }

            continuation = next;
        }
        while (continuation is not null);
        return null;
    }
}
