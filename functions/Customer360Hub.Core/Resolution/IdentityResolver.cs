using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Decides which profile a party record belongs to and keeps profile membership and the identity
/// index in step. Preliminary engine: records link on an exactly equal normalised email only.
/// </summary>
public sealed class IdentityResolver(HubStore store, TimeProvider time)
{
    public const string EngineName = "exact-email";
    public const string LinkRule = "exact-email";

    /// <summary>Applies one party change; returns the profiles whose membership it touched.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(SourceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recordKey = DocumentKey.Single(change.RecordKey);
        var existing = await store.Records.GetAsync(recordKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !existing.Document.IsOlderThan(change))
        {
            // A duplicate or stale version: nothing changes, but the profile is re-announced so a
            // retry after a partial failure still completes the downstream steps.
            return existing.Document.ProfileId is { } same ? [same] : [];
        }

        var now = time.GetUtcNow();
        var deleted = change.Operation == ChangeOperation.Delete;
        var keys = deleted ? [] : MatchKeys.ForParty(change.Attributes);
        var current = existing?.Document.ProfileId;
        var target = deleted ? null : await FindProfileAsync(change.RecordKey, keys, cancellationToken).ConfigureAwait(false) ?? current ?? ProfileIds.For(change.RecordKey);

        var writes = new List<DocumentWrite>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (current is not null && current != target)
        {
            await LeaveProfileAsync(current, change.RecordKey, writes, cancellationToken).ConfigureAwait(false);
            touched.Add(current);
        }

        if (target is not null)
        {
            await JoinProfileAsync(target, change.RecordKey, current == target, now, writes, cancellationToken).ConfigureAwait(false);
            touched.Add(target);
        }

        var oldKeys = existing?.Document.MatchKeys ?? [];
        foreach (var key in oldKeys.Except(keys, StringComparer.Ordinal))
        {
            writes.Add(store.Identity.Delete(new DocumentKey(key, change.RecordKey)));
        }

        foreach (var key in keys)
        {
            writes.Add(store.Identity.Upsert(new DocumentKey(key, change.RecordKey), new IdentityEntry(change.RecordKey, target!)));
        }

        var record = SourceRecord.From(change) with { ProfileId = target, MatchKeys = [.. keys] };
        writes.Add(existing is null ? store.Records.Create(recordKey, record) : store.Records.Replace(recordKey, record, existing.ETag));

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return touched;
    }

    private async Task<string?> FindProfileAsync(string recordKey, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var entries = await store.Identity.QueryAllAsync(key, cancellationToken).ConfigureAwait(false);
            var other = entries.FirstOrDefault(e => e.Document.RecordKey != recordKey);
            if (other is not null)
            {
                var profile = await store.GetProfileAsync(other.Document.ProfileId, cancellationToken).ConfigureAwait(false);
                return profile?.Document.Id ?? other.Document.ProfileId;
            }
        }

        return null;
    }

    private async Task JoinProfileAsync(string profileId, string recordKey, bool alreadyMember, DateTimeOffset now, List<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        var found = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            var created = new GoldenProfile
            {
                Id = profileId,
                CreatedAt = now,
                UpdatedAt = now,
                Members = [new ProfileMember(recordKey, now, "founding-record")],
                Engine = ProfileComposer.Engine,
            };
            writes.Add(store.Profiles.Create(DocumentKey.Single(profileId), created));
            return;
        }

        if (alreadyMember && found.Document.Members.Exists(m => m.RecordKey == recordKey))
        {
            return;
        }

        var profile = found.Document with
        {
            UpdatedAt = now,
            Members = [.. found.Document.Members.Where(m => m.RecordKey != recordKey), new ProfileMember(recordKey, now, LinkRule)],
        };
        writes.Add(store.Profiles.Replace(found.Key, profile, found.ETag));
    }

    private async Task LeaveProfileAsync(string profileId, string recordKey, List<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        var found = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return;
        }

        var remaining = found.Document.Members.Where(m => m.RecordKey != recordKey).ToList();
        writes.Add(remaining.Count == 0
            ? store.Profiles.Delete(found.Key, found.ETag)
            : store.Profiles.Replace(found.Key, found.Document with { Members = remaining, UpdatedAt = time.GetUtcNow() }, found.ETag));
    }
}
