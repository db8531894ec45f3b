using System.Text.Json;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Steward controls: never-match, force-match, manual merge and split, and revoking any of them.
/// Each is stored as an audited decision (who, when, why, effective from) and materialised as
/// steward relations on the records concerned, which every later re-evaluation respects; the
/// records' profiles are re-derived at once, recomposed and announced.
/// Bad requests throw <see cref="ArgumentException"/>; unknown records, profiles or decisions
/// throw <see cref="KeyNotFoundException"/>.
/// </summary>
public sealed class StewardActions(HubStore store, IdentityResolver identity, ProfileComposer composer, IChangeBus bus, TimeProvider time)
{
    public Task<StewardResult> NeverMatchAsync(string recordKey, string otherKey, StewardContext context, CancellationToken cancellationToken = default) =>
        PairAsync(StewardAction.NeverMatch, LinkDecision.NeverMatch, recordKey, otherKey, context, cancellationToken);

    public Task<StewardResult> ForceMatchAsync(string recordKey, string otherKey, StewardContext context, CancellationToken cancellationToken = default) =>
        PairAsync(StewardAction.ForceMatch, LinkDecision.ForceMatch, recordKey, otherKey, context, cancellationToken);

    /// <summary>Makes two profiles one: a force-match between the first record of each.</summary>
    public async Task<StewardResult> MergeAsync(string profileId, string otherProfileId, StewardContext context, CancellationToken cancellationToken = default)
    {
        var first = await LiveProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
        var second = await LiveProfileAsync(otherProfileId, cancellationToken).ConfigureAwait(false);
        if (first.Id == second.Id)
        {
            throw new ArgumentException($"'{profileId}' and '{otherProfileId}' are already one profile.");
        }

        var pair = new RecordPair(FirstMember(first), FirstMember(second), LinkDecision.ForceMatch);
        return await DecideAsync(StewardAction.Merge, [pair], [first.Id, second.Id], context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes records out of a profile into one of their own: never-match against those left, force-match among themselves.</summary>
    public async Task<StewardResult> SplitAsync(string profileId, IReadOnlyCollection<string> recordKeys, StewardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        var profile = await LiveProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
        var members = profile.Members.Select(m => m.RecordKey).ToHashSet(StringComparer.Ordinal);
        var moving = recordKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (moving.Count == 0 || moving.Exists(k => !members.Contains(k)))
        {
            throw new ArgumentException($"Name one or more records of profile '{profile.Id}' to split off; it holds: {string.Join(", ", members.Order(StringComparer.Ordinal))}.");
        }

        var staying = members.Except(moving, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (staying.Count == 0)
        {
            throw new ArgumentException("A split must leave at least one record in the profile.");
        }

        var pairs = moving.SelectMany(m => staying.Select(s => new RecordPair(m, s, LinkDecision.NeverMatch)))
            .Concat(moving.Zip(moving.Skip(1), (a, b) => new RecordPair(a, b, LinkDecision.ForceMatch)))
            .ToList();
        return await DecideAsync(StewardAction.Split, pairs, [profile.Id], context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a decision: its relations are removed and the records re-evaluated; the decision stays on record as revoked.</summary>
    public async Task<StewardResult> RevokeAsync(string decisionId, StewardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = await store.Stewardship.GetAsync(DocumentKey.Single(decisionId), cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No steward decision '{decisionId}'.");
        if (found.Document.RevokedAt is not null)
        {
            throw new ArgumentException($"Decision '{decisionId}' was already revoked.");
        }

        Validate(context);
        var revoked = found.Document with { RevokedAt = time.GetUtcNow(), RevokedBy = context.DecidedBy, RevokedReason = context.Reason };
        var writes = new List<DocumentWrite> { store.Stewardship.Replace(found.Key, revoked, found.ETag) };
        foreach (var pair in found.Document.Pairs)
        {
            writes.Add(store.Links.Delete(new DocumentKey(pair.RecordKey, IdentityLink.IdFor(pair.OtherKey, decisionId))));
            writes.Add(store.Links.Delete(new DocumentKey(pair.OtherKey, IdentityLink.IdFor(pair.RecordKey, decisionId))));
        }

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        var outcome = await SettleAndAnnounceAsync(found.Document.Pairs, cancellationToken).ConfigureAwait(false);
        return new StewardResult(revoked, outcome);
    }

    private async Task<StewardResult> PairAsync(StewardAction action, LinkDecision decision, string recordKey, string otherKey, StewardContext context, CancellationToken cancellationToken)
    {
        if (recordKey == otherKey)
        {
            throw new ArgumentException("A decision needs two different records.");
        }

        return await DecideAsync(action, [new RecordPair(recordKey, otherKey, decision)], [], context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StewardResult> DecideAsync(StewardAction action, List<RecordPair> pairs, List<string> profileIds, StewardContext context, CancellationToken cancellationToken)
    {
        Validate(context);
        var keys = pairs.SelectMany(p => new[] { p.RecordKey, p.OtherKey }).Distinct(StringComparer.Ordinal).Select(DocumentKey.Single).ToList();
        var found = await store.Records.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var missing = keys.Select(k => k.Id).Except(found.Where(f => f.Document is { Deleted: false, Kind: Changes.RecordKind.Party }).Select(f => f.Key.Id), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new KeyNotFoundException($"No party record {string.Join(", ", missing)}.");
        }

        var now = time.GetUtcNow();
        var decision = new StewardDecision
        {
            Id = "d-" + Guid.CreateVersion7(now).ToString("N"),
            Action = action,
            Pairs = pairs,
            ProfileIds = profileIds,
            Reason = context.Reason.Trim(),
            DecidedBy = context.DecidedBy,
            DecidedAt = now,
            EffectiveFrom = context.EffectiveFrom ?? now,
        };
        var writes = new List<DocumentWrite> { store.Stewardship.Create(DocumentKey.Single(decision.Id), decision) };
        foreach (var pair in pairs)
        {
            var link = new IdentityLink
            {
                RecordKey = pair.RecordKey,
                OtherKey = pair.OtherKey,
                Decision = pair.Decision,
                Rules = [$"steward: {Describe(pair.Decision)} by {decision.DecidedBy} ({decision.Reason})"],
                DecidedAt = now,
                DecisionId = decision.Id,
                EffectiveFrom = decision.EffectiveFrom,
            };
            writes.Add(store.Links.Upsert(new DocumentKey(pair.RecordKey, IdentityLink.IdFor(pair.OtherKey, decision.Id)), link));
            writes.Add(store.Links.Upsert(new DocumentKey(pair.OtherKey, IdentityLink.IdFor(pair.RecordKey, decision.Id)), link with { RecordKey = pair.OtherKey, OtherKey = pair.RecordKey }));
        }

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        var outcome = await SettleAndAnnounceAsync(pairs, cancellationToken).ConfigureAwait(false);
        return new StewardResult(decision, outcome);
    }

    private async Task<IdentityOutcome> SettleAndAnnounceAsync(IReadOnlyList<RecordPair> pairs, CancellationToken cancellationToken)
    {
        var outcome = await identity.SettleAsync(pairs.SelectMany(p => new[] { p.RecordKey, p.OtherKey }).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var announcements = new List<BusMessage>();
        foreach (var profileId in outcome.Touched.Order(StringComparer.Ordinal))
        {
            var profile = await composer.ComposeAsync(profileId, now, cancellationToken).ConfigureAwait(false);
            if (profile is not null)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(new ProfileChanged(profileId, "steward-decision", profile.UpdatedAt, now), CoreJsonContext.Default.ProfileChanged);
                announcements.Add(new BusMessage($"{profileId}@{profile.UpdatedAt.UtcTicks}", profileId, "profile-changed", body));
            }
        }

        if (announcements.Count > 0)
        {
            await bus.PublishAsync(Topics.ProfileChanges, announcements, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<GoldenProfile> LiveProfileAsync(string profileId, CancellationToken cancellationToken) =>
        (await store.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false))?.Document
            ?? throw new KeyNotFoundException($"No profile '{profileId}'.");

    private static string FirstMember(GoldenProfile profile) =>
        profile.Members.Select(m => m.RecordKey).Min(StringComparer.Ordinal) ?? throw new ArgumentException($"Profile '{profile.Id}' has no records.");

    private static void Validate(StewardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(context.Reason))
        {
            throw new ArgumentException("Every steward decision needs a reason.");
        }

        if (string.IsNullOrWhiteSpace(context.DecidedBy))
        {
            throw new ArgumentException("Every steward decision needs to say who took it.");
        }
    }

    private static string Describe(LinkDecision decision) => decision == LinkDecision.NeverMatch ? "never-match" : "force-match";
}
