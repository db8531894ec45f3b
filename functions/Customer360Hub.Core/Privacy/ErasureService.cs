using Customer360Hub.Archive;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Privacy;

/// <summary>
/// The right to be forgotten. Finds the person's profiles (by profile id, email, phone or record
/// key, with everything merged into them), puts their hashed identifiers on the suppression list
/// first (so nothing in flight re-creates them), removes their messages from the bus, takes their
/// records out of identity the way a source delete would, deletes every document about them
/// (profiles, history, records, timeline and aggregates, reference index, pending, quarantine,
/// scores, household membership) and what was derived from them elsewhere (the lookup index),
/// redacts the raw archive and finally scrubs the store files.
/// </summary>
public sealed partial class ErasureService(
    HubStore store,
    IdentityResolver identity,
    CustomerRefs refs,
    TimelineLedger ledger,
    SuppressionList suppression,
    IRawArchive archive,
    IEnumerable<IMessageEraser> buses,
    IEnumerable<IStorageScrubber> scrubbers,
    IEnumerable<IDerivedDataEraser> derived,
    TimeProvider time,
    ILogger<ErasureService> logger)
{
    private const int MaxAttempts = 16;
    private const int WriteChunk = 100;

    public async Task<ErasureReport> EraseAsync(ErasureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var erasureId = "er-" + Guid.NewGuid().ToString("N")[..20];
        var now = time.GetUtcNow();
        var scope = await ScopeAsync(request, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, erasureId, scope.ProfileIds.Count, scope.PartyRecords.Count, scope.Transactions.Count);

        await WriteAsync(suppression.Suppress(scope.Identifiers, erasureId, now), cancellationToken).ConfigureAwait(false);
        var messages = 0;
        foreach (var bus in buses)
        {
            messages += await bus.EraseAsync(body => scope.CarriesPerson(body, refs), cancellationToken).ConfigureAwait(false);
        }

        var documents = await DeleteAsync(scope, cancellationToken).ConfigureAwait(false);

        // A change handled while the steps above ran may have written again: sweep once more.
        var again = await ScopeAsync(request with { ProfileId = null }, cancellationToken).ConfigureAwait(false);
        if (again.ProfileIds.Count > 0 || again.PartyRecords.Count > 0 || again.Transactions.Count > 0)
        {
            documents += await DeleteAsync(again, cancellationToken).ConfigureAwait(false);
        }

        var pages = await RedactArchiveAsync(scope, cancellationToken).ConfigureAwait(false);
        foreach (var scrubber in scrubbers)
        {
            await scrubber.ScrubAsync(cancellationToken).ConfigureAwait(false);
        }

        LogFinished(logger, erasureId, documents, pages, messages);
        return new ErasureReport(erasureId, now, [.. scope.ProfileIds.Order(StringComparer.Ordinal)], scope.PartyRecords.Count, scope.Transactions.Count, documents, pages, messages, scope.Identifiers.Count);
    }

    private async Task<ErasureScope> ScopeAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        var scope = new ErasureScope();
        var start = new List<string>();
        if (request.ProfileId is { } profileId)
        {
            start.Add(profileId);
        }

        if (request.RecordKey is { } recordKey)
        {
            scope.Refs.Add(recordKey);
            scope.Identifiers.Add(SuppressionList.RecordPrefix + recordKey);
            if (await refs.ProfileOfRecordAsync(recordKey, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                start.Add(owner);
            }
        }

        foreach (var contactRef in new[] { CustomerRefs.EmailRef(request.Email), refs.PhoneRef(request.Phone, null) }.OfType<string>())
        {
            scope.Refs.Add(contactRef);
            scope.Identifiers.Add(contactRef);
            foreach (var claim in await store.Refs.QueryAllAsync(contactRef, cancellationToken).ConfigureAwait(false))
            {
                if (claim.Document.Kind == RefLink.Party && await refs.ProfileOfRecordAsync(claim.Document.RecordKey, cancellationToken).ConfigureAwait(false) is { } holder)
                {
                    start.Add(holder);
                }
                else if (claim.Document.Kind == RefLink.Party
                         && await store.Records.GetAsync(DocumentKey.Single(claim.Document.RecordKey), cancellationToken).ConfigureAwait(false) is { } unlinked)
                {
                    scope.AddParty(unlinked.Document, refs);
                }
            }
        }

        var queue = new Queue<string>(start);
        while (queue.TryDequeue(out var id))
        {
            if (!scope.ProfileIds.Add(id))
            {
                continue;
            }

            var profile = (await store.Profiles.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false))?.Document;
            var memberKeys = new HashSet<string>(StringComparer.Ordinal);
            if (profile is not null)
            {
                memberKeys.UnionWith(profile.Members.Select(m => m.RecordKey));
                memberKeys.UnionWith(profile.LinkedMembers);
                AddGolden(scope, profile);
                foreach (var merged in profile.MergedFrom)
                {
                    queue.Enqueue(merged);
                }

                if (profile.RedirectTo is { } into)
                {
                    queue.Enqueue(into);
                }
            }

            foreach (var version in await store.History.QueryAllAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (version.Document.Profile is { } old)
                {
                    memberKeys.UnionWith(old.Members.Select(m => m.RecordKey));
                    AddGolden(scope, old);
                }
            }

            foreach (var record in await store.Records.GetManyAsync(memberKeys.Select(DocumentKey.Single).ToList(), cancellationToken).ConfigureAwait(false))
            {
                scope.AddParty(record.Document, refs);
            }

            foreach (var key in memberKeys)
            {
                scope.Refs.Add(key);
                scope.Identifiers.Add(SuppressionList.RecordPrefix + key);
            }

            string? continuation = null;
            do
            {
                var (entries, next) = await store.Timeline.QueryAsync(id, new DocumentQuery(Limit: 1000, IdPrefix: TimelineEntry.IdPrefix, ContinuationToken: continuation), cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    scope.AddTransaction(entry.Document.RecordKey);
                }

                continuation = next;
            }
            while (continuation is not null);
        }

        foreach (var customerRef in scope.Refs.ToList())
        {
            foreach (var link in await store.Refs.QueryAllAsync(customerRef, cancellationToken).ConfigureAwait(false))
            {
                if (link.Document.Kind == RefLink.Transaction)
                {
                    scope.AddTransaction(link.Document.RecordKey);
                }
            }

            foreach (var pending in await store.Pending.QueryAllAsync(customerRef, cancellationToken).ConfigureAwait(false))
            {
                scope.AddTransaction(pending.Document.RecordKey);
            }
        }

        return scope;
    }

    private void AddGolden(ErasureScope scope, GoldenProfile profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, golden) in profile.Fields)
        {
            values[field] = golden.Value;
            scope.AddValues(values, refs);
            foreach (var alternative in golden.Alternatives ?? [])
            {
                scope.AddValues(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = alternative.Value }, refs);
            }
        }

        foreach (var email in profile.ContactPoints.Emails)
        {
            scope.AddValues(new Dictionary<string, string>(StringComparer.Ordinal) { [CanonicalFields.Email] = email.Value }, refs);
        }

        foreach (var phone in profile.ContactPoints.Phones)
        {
            scope.AddValues(new Dictionary<string, string>(StringComparer.Ordinal) { [CanonicalFields.Phone] = phone.Value }, refs);
        }
    }

    private async Task<int> DeleteAsync(ErasureScope scope, CancellationToken cancellationToken)
    {
        // Identity forgets each party record the way it handles a delete from the source, so its
        // own index and memberships stay consistent whatever engine runs.
        foreach (var record in scope.PartyRecords.Values.Where(r => !r.Deleted))
        {
            await ForgetInIdentityAsync(record, cancellationToken).ConfigureAwait(false);
        }

        var writes = new List<DocumentWrite>();
        var records = await store.Records.GetManyAsync(scope.PartyRecords.Keys.Concat(scope.Transactions).Select(DocumentKey.Single).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var found in records)
        {
            var record = found.Document;
            writes.Add(store.Records.Delete(found.Key));
            writes.Add(store.Quarantine.Delete(new DocumentKey(record.Source, record.EntityType + "/" + record.RecordId)));
            var (values, _) = await store.Quarantine.QueryAsync(record.Source, new DocumentQuery(Limit: 1000, IdPrefix: record.EntityType + "/" + record.RecordId + "#"), cancellationToken).ConfigureAwait(false);
            writes.AddRange(values.Select(v => store.Quarantine.Delete(v.Key)));

            foreach (var key in record.MatchKeys)
            {
                writes.Add(store.Identity.Delete(new DocumentKey(key, record.RecordKey)));
            }

            // A transaction on someone else's timeline (it named one of the person's references).
            if (record.Kind != RecordKind.Party && record.ProfileId is { } other && !scope.ProfileIds.Contains(other))
            {
                await ledger.ApplyAsync(other, [], [TimelineEntries.IdOf(record)], null, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var recordKey in scope.PartyRecords.Keys)
        {
            var claims = await store.Claims.GetAsync(new DocumentKey(recordKey, RecordClaims.DocumentId), cancellationToken).ConfigureAwait(false);
            foreach (var claim in claims?.Document.Claims ?? [])
            {
                var parts = claim.Split('\u001f');
                writes.Add(store.Refs.Delete(new DocumentKey(parts[1], RefLink.IdFor(parts[0], recordKey))));
            }
        }

        foreach (var customerRef in scope.Refs)
        {
            writes.AddRange(await DeletePartitionAsync(Containers.Refs, customerRef, cancellationToken).ConfigureAwait(false));
            writes.AddRange(await DeletePartitionAsync(Containers.Pending, customerRef, cancellationToken).ConfigureAwait(false));
        }

        foreach (var profileId in scope.ProfileIds)
        {
            var profile = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            if (profile?.Document.HouseholdId is { } householdId)
            {
                writes.Add(store.Households.Delete(new DocumentKey(householdId, profileId)));
            }

            writes.Add(store.Profiles.Delete(DocumentKey.Single(profileId)));
            var score = await store.Scores.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            foreach (var row in score?.Document.PortfolioRows ?? [])
            {
                writes.Add(store.PortfolioRows.Delete(new DocumentKey(PortfolioEntry.ListOf(row), row)));
            }

            writes.Add(store.Scores.Delete(DocumentKey.Single(profileId)));
            writes.AddRange(await DeletePartitionAsync(Containers.Timeline, profileId, cancellationToken).ConfigureAwait(false));
            writes.AddRange(await DeletePartitionAsync(Containers.History, profileId, cancellationToken).ConfigureAwait(false));
            writes.AddRange(await DeletePartitionAsync(Containers.Health, profileId, cancellationToken).ConfigureAwait(false));
            writes.AddRange(await DeletePartitionAsync(Containers.Alerts, profileId, cancellationToken).ConfigureAwait(false));
        }

        await WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        var count = writes.Count;
        foreach (var eraser in derived)
        {
            count += await eraser.EraseAsync(scope.ProfileIds, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private async Task ForgetInIdentityAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var forget = new SourceChange
        {
            Id = IdempotencyId.For(record.Source, record.EntityType, record.RecordId, record.SourceVersion, ChangeOperation.Delete),
            Source = record.Source,
            EntityType = record.EntityType,
            Kind = RecordKind.Party,
            RecordId = record.RecordId,
            SourceVersion = record.SourceVersion,
            ModifiedAt = record.ModifiedAt,
            Operation = ChangeOperation.Delete,
            PulledAt = time.GetUtcNow(),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await identity.ApplyAsync(forget, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DocumentConflictException) when (attempt < MaxAttempts)
            {
                // A resolver touched the same profile: read again.
            }
        }
    }

    /// <summary>Deletes of every document of a partition, whatever its type (timelines also hold the aggregates).</summary>
    private async Task<List<DocumentWrite>> DeletePartitionAsync(string container, string partitionKey, CancellationToken cancellationToken)
    {
        var writes = new List<DocumentWrite>();
        string? continuation = null;
        do
        {
            var page = await store.Documents.QueryAsync(container, partitionKey, new DocumentQuery(Limit: 1000, ContinuationToken: continuation), cancellationToken).ConfigureAwait(false);
            writes.AddRange(page.Items.Select(d => DocumentWrite.Delete(container, d.Key)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return writes;
    }

    private async Task<int> RedactArchiveAsync(ErasureScope scope, CancellationToken cancellationToken)
    {
        var pages = 0;
        await foreach (var reference in archive.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            var page = await archive.ReadAsync(reference, cancellationToken).ConfigureAwait(false);
            if (page is { } bytes && RawPageRedactor.Redact(bytes.Span, reference, scope) is { } redacted)
            {
                await archive.RedactAsync(reference, redacted, cancellationToken).ConfigureAwait(false);
                pages++;
            }
        }

        return pages;
    }

    private async Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var chunk in writes.Chunk(WriteChunk))
        {
            await store.Documents.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} started: {Profiles} profiles, {Parties} party records, {Transactions} transactions")]
    private static partial void LogStarted(ILogger logger, string erasureId, int profiles, int parties, int transactions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} finished: {Documents} documents deleted, {Pages} raw pages redacted, {Messages} messages removed")]
    private static partial void LogFinished(ILogger logger, string erasureId, int documents, int pages, int messages);
}
