using System.Globalization;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Hangs transactions (orders, invoices, tickets, ...) on the profile of their customer. A
/// transaction that arrives before its customer is parked in <c>pending</c> and linked when the
/// customer shows up, so arrival order never loses one.
/// </summary>
public sealed class TransactionLinker(HubStore store, TimeProvider time)
{
    /// <summary>Applies one transaction change; returns the profiles whose timeline it touched.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(SourceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recordKey = DocumentKey.Single(change.RecordKey);
        var existing = await store.Records.GetAsync(recordKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !existing.Document.IsOlderThan(change))
        {
            return existing.Document.ProfileId is { } same ? [same] : [];
        }

        var profileId = change.CustomerRef is null ? null : await FindCustomerAsync(change.CustomerRef, cancellationToken).ConfigureAwait(false);
        var record = SourceRecord.From(change) with { ProfileId = profileId };
        var writes = new List<DocumentWrite>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (existing?.Document is { ProfileId: { } oldProfile, Deleted: false } old)
        {
            writes.Add(store.Timeline.Delete(new DocumentKey(oldProfile, TimelineId(old))));
            touched.Add(oldProfile);
        }

        if (existing?.Document is { ProfileId: null, CustomerRef: { } oldRef })
        {
            writes.Add(store.Pending.Delete(new DocumentKey(oldRef, change.RecordKey)));
        }

        if (!record.Deleted)
        {
            if (profileId is not null)
            {
                writes.Add(TimelineWrite(record, profileId));
                touched.Add(profileId);
            }
            else if (change.CustomerRef is not null)
            {
                writes.Add(store.Pending.Upsert(new DocumentKey(change.CustomerRef, change.RecordKey), new PendingLink(change.RecordKey, change.CustomerRef, time.GetUtcNow())));
            }
        }

        writes.Add(existing is null ? store.Records.Create(recordKey, record) : store.Records.Replace(recordKey, record, existing.ETag));
        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return touched;
    }

    /// <summary>Links transactions that were waiting for this party (by record key or email); returns true when any were linked.</summary>
    public async Task<bool> LinkPendingAsync(SourceRecord party, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (party.ProfileId is null)
        {
            return false;
        }

        var refs = new List<string> { party.RecordKey };
        if (party.Attributes.TryGetValue(CanonicalFields.Email, out var email) && MatchKeys.NormalizeEmail(email) is { } normalized)
        {
            refs.Add(RecordKeys.EmailRefPrefix + normalized);
        }

        var linked = false;
        foreach (var customerRef in refs)
        {
            foreach (var pending in await store.Pending.QueryAllAsync(customerRef, cancellationToken).ConfigureAwait(false))
            {
                var transaction = await store.Records.GetAsync(DocumentKey.Single(pending.Document.RecordKey), cancellationToken).ConfigureAwait(false);
                var writes = new List<DocumentWrite> { store.Pending.Delete(pending.Key) };
                if (transaction is { Document: { ProfileId: null, Deleted: false } waiting })
                {
                    var record = waiting with { ProfileId = party.ProfileId };
                    writes.Add(store.Records.Replace(transaction.Key, record, transaction.ETag));
                    writes.Add(TimelineWrite(record, party.ProfileId));
                    linked = true;
                }

                await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
            }
        }

        return linked;
    }

    private async Task<string?> FindCustomerAsync(string customerRef, CancellationToken cancellationToken)
    {
        if (customerRef.StartsWith(RecordKeys.EmailRefPrefix, StringComparison.Ordinal))
        {
            var key = MatchKeys.EmailKey(customerRef[RecordKeys.EmailRefPrefix.Length..]);
            var entries = key is null ? [] : await store.Identity.QueryAllAsync(key, cancellationToken).ConfigureAwait(false);
            return entries.Count == 0 ? null : (await store.GetProfileAsync(entries[0].Document.ProfileId, cancellationToken).ConfigureAwait(false))?.Document.Id;
        }

        var customer = await store.Records.GetAsync(DocumentKey.Single(customerRef), cancellationToken).ConfigureAwait(false);
        return customer?.Document is { Deleted: false, ProfileId: { } profileId }
            ? (await store.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false))?.Document.Id
            : null;
    }

    private DocumentWrite TimelineWrite(SourceRecord record, string profileId)
    {
        var entry = new TimelineEntry
        {
            ProfileId = profileId,
            RecordKey = record.RecordKey,
            Kind = KindNames.ToName(record.Kind),
            Source = record.Source,
            OccurredAt = OccurredAt(record),
            Title = record.Attributes.GetValueOrDefault(CanonicalFields.Title),
            Status = record.Attributes.GetValueOrDefault(CanonicalFields.Status),
            Amount = decimal.TryParse(record.Attributes.GetValueOrDefault(CanonicalFields.Amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
            Currency = record.Attributes.GetValueOrDefault(CanonicalFields.Currency),
        };
        return store.Timeline.Upsert(new DocumentKey(profileId, TimelineId(record)), entry);
    }

    private static string TimelineId(SourceRecord record) => TimelineEntry.IdFor(OccurredAt(record), record.RecordKey);

    private static DateTimeOffset OccurredAt(SourceRecord record) =>
        DateTimeOffset.TryParse(record.Attributes.GetValueOrDefault(CanonicalFields.OccurredAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : record.ModifiedAt;
}
