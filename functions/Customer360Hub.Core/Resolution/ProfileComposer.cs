using System.Text.Json;
using Customer360Hub.Changes;
using Customer360Hub.History;
using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Storage;
using Customer360Hub.Survivorship;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Resolution;

/// <summary>
/// Builds a profile's golden view from its member records: golden fields by configured
/// survivorship with lineage, contact points with a primary, consent (most restrictive wins),
/// freshness per source and completeness. When identity changed the membership since the last
/// composition, the transactions of the records that came or went are re-linked first. Every
/// change of content is kept as a history version.
/// </summary>
public sealed class ProfileComposer(
    HubStore store,
    SurvivorshipEngine survivorship,
    PartyLinks partyLinks,
    TransactionLinker transactions,
    ProfileHistory history,
    IOptions<QualityOptions> quality,
    TimeProvider time)
{
    public const string SurvivorshipName = "configurable";
    public const string DerivedRule = "derived";
    public const string MostRestrictiveRule = "most-restrictive";

    public static EngineInfo Engine { get; } = new(
        IdentityResolver.EngineName,
        SurvivorshipName,
        "Identity: probabilistic matching with explanations (GET /profiles/{id}/explain). Golden values follow the configured survivorship rules, with lineage.");

    private const int MaxAttempts = 16;

    private static readonly string[] PersonCompleteness =
        [CanonicalFields.FullName, CanonicalFields.Email, CanonicalFields.Phone, CanonicalFields.AddressLine1, CanonicalFields.City, CanonicalFields.Postcode, CanonicalFields.Country];

    private static readonly string[] OrganizationCompleteness =
        [CanonicalFields.CompanyName, CanonicalFields.Email, CanonicalFields.Phone, CanonicalFields.AddressLine1, CanonicalFields.City, CanonicalFields.Postcode, CanonicalFields.Country];

    private static readonly string[] AddressFields =
        [CanonicalFields.AddressLine1, CanonicalFields.AddressLine2, CanonicalFields.City, CanonicalFields.Region, CanonicalFields.Postcode, CanonicalFields.Country];

    /// <summary>Recomposes the profile; null when it no longer exists or was merged away.</summary>
    public async Task<GoldenProfile?> ComposeAsync(string profileId, DateTimeOffset pulledAt, CancellationToken cancellationToken = default) =>
        (await RecomposeAsync(profileId, pulledAt, cancellationToken).ConfigureAwait(false)).Profile;

    /// <summary>Recomposes the profile and says which other profiles' timelines changed on the way (re-linked transactions).</summary>
    public async Task<ComposeResult> RecomposeAsync(string profileId, DateTimeOffset pulledAt, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ComposeOnceAsync(profileId, pulledAt, cancellationToken).ConfigureAwait(false);
            }
            catch (DocumentConflictException) when (attempt < MaxAttempts)
            {
                // Another writer got there first: read again and recompose.
            }
        }
    }

    private async Task<ComposeResult> ComposeOnceAsync(string profileId, DateTimeOffset pulledAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            await history.EndAsync(profileId, null, now, cancellationToken).ConfigureAwait(false);
            return new ComposeResult(null, []);
        }

        var profile = found.Document;
        var memberKeys = profile.RedirectTo is null ? profile.Members.Select(m => m.RecordKey).ToList() : [];
        var relinked = await RelinkAsync(profile.LinkedMembers, memberKeys, cancellationToken).ConfigureAwait(false);
        if (profile.RedirectTo is { } into)
        {
            await history.EndAsync(profileId, into, now, cancellationToken).ConfigureAwait(false);
            await NoteMergeAsync(into, profileId, cancellationToken).ConfigureAwait(false);
            if (profile.LinkedMembers.Count > 0)
            {
                await store.Documents.WriteAsync([store.Profiles.Replace(found.Key, profile with { LinkedMembers = [] }, found.ETag)], cancellationToken).ConfigureAwait(false);
            }

            return new ComposeResult(null, relinked);
        }

        var members = await store.Records.GetManyAsync(memberKeys.Select(DocumentKey.Single).ToList(), cancellationToken).ConfigureAwait(false);
        var live = members.Select(m => m.Document).Where(r => !r.Deleted).OrderBy(r => r.RecordKey, StringComparer.Ordinal).ToList();
        var composed = Compose(profile, live) with { LinkedMembers = memberKeys, Engine = Engine };
        var changed = !SameContent(profile, composed);
        var relinkDone = !profile.LinkedMembers.Order(StringComparer.Ordinal).SequenceEqual(memberKeys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        if (!changed && !relinkDone && pulledAt <= profile.LastPulledAt)
        {
            return new ComposeResult(profile, relinked);
        }

        composed = composed with
        {
            UpdatedAt = now,
            ValidFrom = changed || profile.ValidFrom == default ? now : profile.ValidFrom,
            LastPulledAt = pulledAt > profile.LastPulledAt ? pulledAt : profile.LastPulledAt,
        };
        var writes = new List<DocumentWrite> { store.Profiles.Replace(found.Key, composed, found.ETag) };
        if (changed || profile.ValidFrom == default)
        {
            writes.Add(history.VersionWrite(composed));
        }

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return new ComposeResult(composed, relinked);
    }

    /// <summary>Re-links the transactions of records that joined or left since the last composition.</summary>
    private async Task<IReadOnlyCollection<string>> RelinkAsync(List<string> linked, List<string> members, CancellationToken cancellationToken)
    {
        var moved = linked.Except(members, StringComparer.Ordinal).Concat(members.Except(linked, StringComparer.Ordinal)).ToList();
        if (moved.Count == 0)
        {
            return [];
        }

        var refs = new List<string>(moved);
        foreach (var recordKey in moved)
        {
            refs.AddRange(await partyLinks.ContactRefsOfAsync(recordKey, cancellationToken).ConfigureAwait(false));
        }

        return await transactions.ReevaluateAsync(refs, cancellationToken).ConfigureAwait(false);
    }

    private async Task NoteMergeAsync(string into, string mergedId, CancellationToken cancellationToken)
    {
        var survivor = await store.GetProfileAsync(into, cancellationToken).ConfigureAwait(false);
        if (survivor is null || survivor.Document.MergedFrom.Contains(mergedId))
        {
            return;
        }

        var noted = survivor.Document with { MergedFrom = [.. survivor.Document.MergedFrom, mergedId] };
        await store.Documents.WriteAsync([store.Profiles.Replace(survivor.Key, noted, survivor.ETag)], cancellationToken).ConfigureAwait(false);
    }

    private GoldenProfile Compose(GoldenProfile profile, List<SourceRecord> records)
    {
        var settings = quality.Value;
        var consentFields = ConsentValues.Channels.Values.ToHashSet(StringComparer.Ordinal);
        var fields = records.SelectMany(r => r.Attributes.Keys)
            .Where(f => f != CanonicalFields.RecordId && !consentFields.Contains(f))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var golden = survivorship.Decide(records, fields);
        if (!golden.ContainsKey(CanonicalFields.FullName) && (golden.GetValueOrDefault(CanonicalFields.GivenName) ?? golden.GetValueOrDefault(CanonicalFields.FamilyName)) is { } basis)
        {
            var name = string.Join(' ', new[] { golden.GetValueOrDefault(CanonicalFields.GivenName)?.Value, golden.GetValueOrDefault(CanonicalFields.FamilyName)?.Value }.OfType<string>());
            golden[CanonicalFields.FullName] = new GoldenValue(name, basis.Source, basis.RecordId, basis.ObservedAt, DerivedRule) { EntityType = basis.EntityType };
        }

        var contactPoints = new ContactPoints
        {
            Emails = Points(records, r => EmailAddress.Normalize(r.Attributes.GetValueOrDefault(CanonicalFields.Email)), EmailAddress.Normalize(golden.GetValueOrDefault(CanonicalFields.Email)?.Value)),
            Phones = Points(records, r => PhoneOf(r, settings), Winner(records, golden.GetValueOrDefault(CanonicalFields.Phone)) is { } phoneRecord ? PhoneOf(phoneRecord, settings) : null),
            Addresses = Points(records, AddressOf, Winner(records, golden.GetValueOrDefault(CanonicalFields.AddressLine1) ?? golden.GetValueOrDefault(CanonicalFields.City)) is { } addressRecord ? AddressOf(addressRecord) : null),
        };
        var organization = golden.GetValueOrDefault(CanonicalFields.PartyType)?.Value == "organization";
        var completenessFields = settings.CompletenessFields.Count > 0 ? settings.CompletenessFields : (organization ? OrganizationCompleteness : PersonCompleteness).ToList();
        return profile with
        {
            Fields = golden,
            Emails = contactPoints.Emails.Select(e => e.Value).ToList(),
            ContactPoints = contactPoints,
            Consent = Consent(records),
            Sources = records.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Freshness = records.GroupBy(r => r.Source, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => new SourceFreshness(g.Max(r => r.ModifiedAt), g.Max(r => r.PulledAt)),
                StringComparer.Ordinal),
            Completeness = Math.Round(completenessFields.Count(golden.ContainsKey) / (double)completenessFields.Count, 3),
        };
    }

    private static Dictionary<string, GoldenValue> Consent(List<SourceRecord> records)
    {
        var consent = new Dictionary<string, GoldenValue>(StringComparer.Ordinal);
        foreach (var (channel, field) in ConsentValues.Channels)
        {
            var statements = records
                .Select(r => (Record: r, Status: ConsentValues.Normalize(r.Attributes.GetValueOrDefault(field))))
                .Where(s => s.Status is not null)
                .OrderBy(s => s.Status == ConsentValues.OptedOut ? 0 : 1)
                .ThenByDescending(s => s.Record.ModifiedAt)
                .ThenBy(s => s.Record.RecordKey, StringComparer.Ordinal)
                .ToList();
            if (statements.Count == 0)
            {
                continue;
            }

            var (winner, status) = statements[0];
            consent[channel] = new GoldenValue(status!, winner.Source, winner.RecordId, winner.ModifiedAt, MostRestrictiveRule)
            {
                EntityType = winner.EntityType,
                Alternatives = statements.Count == 1 ? null : statements.Skip(1).Select(s => new AlternativeValue(s.Status!, s.Record.Source, s.Record.RecordId, s.Record.ModifiedAt) { EntityType = s.Record.EntityType }).ToList(),
            };
        }

        return consent;
    }

    private static List<ContactPoint> Points(List<SourceRecord> records, Func<SourceRecord, string?> valueOf, string? primary)
    {
        var points = records
            .Select(r => (Record: r, Value: valueOf(r)))
            .Where(p => p.Value is not null)
            .GroupBy(p => p.Value!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ContactPoint(
                g.First().Value!,
                string.Equals(g.Key, primary, StringComparison.OrdinalIgnoreCase),
                g.Select(p => p.Record.RecordKey).Order(StringComparer.Ordinal).ToList(),
                g.Max(p => p.Record.ModifiedAt)))
            .OrderByDescending(p => p.Primary)
            .ThenByDescending(p => p.ObservedAt)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .ToList();
        return points;
    }

    private static SourceRecord? Winner(List<SourceRecord> records, GoldenValue? golden) =>
        golden is null ? null : records.Find(r => r.Source == golden.Source && r.RecordId == golden.RecordId && (golden.EntityType is null || r.EntityType == golden.EntityType));

    private static string? PhoneOf(SourceRecord record, QualityOptions settings) =>
        PhoneFormat.ToE164(record.Attributes.GetValueOrDefault(CanonicalFields.Phone), record.Attributes.GetValueOrDefault(CanonicalFields.Country), settings.DefaultPhoneRegion);

    /// <summary>The record's postal address on one line, or null when it has none.</summary>
    public static string? AddressOf(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parts = AddressFields
            .Select(f => record.Attributes.GetValueOrDefault(f)?.Trim())
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => string.Join(' ', p!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        return record.Attributes.ContainsKey(CanonicalFields.AddressLine1) || record.Attributes.ContainsKey(CanonicalFields.City) ? (parts.Count == 0 ? null : string.Join(", ", parts)) : null;
    }

    private static bool SameContent(GoldenProfile a, GoldenProfile b) =>
        JsonSerializer.SerializeToUtf8Bytes(Comparable(a), CoreJsonContext.Default.GoldenProfile).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(Comparable(b), CoreJsonContext.Default.GoldenProfile));

    private static GoldenProfile Comparable(GoldenProfile p) => p with { UpdatedAt = default, LastPulledAt = default, ValidFrom = default, LinkedMembers = [] };
}
