using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Builds a profile's golden view from its member records. Preliminary survivorship: for each
/// field the most recently modified non-empty value wins, with its lineage.
/// </summary>
public sealed class ProfileComposer(HubStore store, TimeProvider time)
{
    public const string Rule = "most-recent";

    public static EngineInfo Engine { get; } = new(
        IdentityResolver.EngineName,
        Rule,
        "Identity: probabilistic matching with explanations (GET /profiles/{id}/explain). Preliminary survivorship: each golden field takes the most recent non-empty value.");

    private const int MaxAttempts = 16;

    /// <summary>Recomposes the profile; null when it no longer exists (deleted or merged away).</summary>
    public async Task<GoldenProfile?> ComposeAsync(string profileId, DateTimeOffset pulledAt, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            if (found is null || found.Document.RedirectTo is not null)
            {
                return null;
            }

            var members = await store.Records.GetManyAsync(found.Document.Members.Select(m => DocumentKey.Single(m.RecordKey)).ToList(), cancellationToken).ConfigureAwait(false);
            var timeline = await store.Timeline.QueryAllAsync(profileId, cancellationToken).ConfigureAwait(false);
            var composed = Compose(found.Document, members.Select(m => m.Document).Where(r => !r.Deleted).ToList(), timeline.Select(t => t.Document), pulledAt);
            try
            {
                await store.Documents.WriteAsync([store.Profiles.Replace(found.Key, composed, found.ETag)], cancellationToken).ConfigureAwait(false);
                return composed;
            }
            catch (DocumentConflictException) when (attempt < MaxAttempts)
            {
                // Another writer got there first: read again and recompose.
            }
        }
    }

    private GoldenProfile Compose(GoldenProfile profile, IReadOnlyList<SourceRecord> records, IEnumerable<TimelineEntry> timeline, DateTimeOffset pulledAt)
    {
        var newestFirst = records.OrderByDescending(r => r.ModifiedAt).ThenBy(r => r.RecordKey, StringComparer.Ordinal).ToList();
        var fields = new Dictionary<string, GoldenValue>(StringComparer.Ordinal);
        foreach (var field in CanonicalFields.PartyColumns)
        {
            if (field == CanonicalFields.RecordId)
            {
                continue;
            }

            var winner = newestFirst.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.Attributes.GetValueOrDefault(field)));
            if (winner is not null)
            {
                fields[field] = new GoldenValue(winner.Attributes[field].Trim(), winner.Source, winner.RecordId, winner.ModifiedAt, Rule);
            }
        }

        return profile with
        {
            UpdatedAt = time.GetUtcNow(),
            Fields = fields,
            Emails = newestFirst.Select(r => MatchKeys.NormalizeEmail(r.Attributes.GetValueOrDefault(CanonicalFields.Email))).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Sources = records.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            TransactionCounts = timeline.GroupBy(t => t.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            LastPulledAt = pulledAt > profile.LastPulledAt ? pulledAt : profile.LastPulledAt,
            Engine = Engine,
        };
    }
}
