using Customer360Hub.Accounts;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Timeline;

namespace Customer360Hub.Api.Profiles;

/// <summary>Maps stored documents to the API's views (camelCase field names, source record keys split).</summary>
internal static class ProfileViews
{
    private static readonly string[] SummaryFields =
    [
        CanonicalFields.GivenName, CanonicalFields.FamilyName, CanonicalFields.FullName, CanonicalFields.CompanyName,
        CanonicalFields.City, CanonicalFields.Country, CanonicalFields.Email,
    ];

    /// <summary>
    /// The full view of a profile at <paramref name="now"/>. A past version (<paramref name="asOf"/>)
    /// is given without aggregates or score: those are current only.
    /// </summary>
    public static ProfileView ToView(
        GoldenProfile profile,
        ProfileAggregates? aggregates,
        ProfileScore? score,
        string? accountId,
        bool lineage,
        DateTimeOffset? asOf,
        DateTimeOffset now,
        QualityOptions quality) => new(
        profile.Id,
        profile.CreatedAt,
        profile.UpdatedAt,
        asOf,
        profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value,
        AccountTypes.Of(profile, aggregates),
        accountId,
        profile.HouseholdId,
        profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value.Value, StringComparer.Ordinal),
        lineage ? profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value, StringComparer.Ordinal) : null,
        profile.ContactPoints,
        profile.Consent.ToDictionary(c => c.Key, c => lineage ? c.Value : c.Value with { Alternatives = null }, StringComparer.Ordinal),
        profile.Emails,
        profile.Sources,
        profile.Freshness.ToDictionary(
            f => f.Key,
            f => new FreshnessView(f.Value.LastModifiedAt, f.Value.LastPulledAt, (asOf ?? now) - f.Value.LastModifiedAt > quality.StaleAfterFor(f.Key)),
            StringComparer.Ordinal),
        profile.Completeness,
        profile.Members.Select(m =>
        {
            var (source, entityType, recordId) = RecordKeys.Parse(m.RecordKey);
            return new MemberView(source, entityType, recordId, m.LinkedAt, m.Rule);
        }).ToList(),
        aggregates?.Counts ?? [],
        asOf is null ? AggregateSummary.Of(aggregates, now) : null,
        score,
        profile.Engine);

    /// <summary>
    /// Until when a current view rendered at <paramref name="now"/> stays right without any write: the
    /// next UTC midnight (overdue receivables, usage windows and renewals are by day) or the moment a
    /// source's freshness turns stale, whichever comes first.
    /// </summary>
    public static DateTimeOffset ValidUntil(GoldenProfile profile, DateTimeOffset now, QualityOptions quality)
    {
        var until = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        foreach (var (source, freshness) in profile.Freshness)
        {
            var stale = freshness.LastModifiedAt + quality.StaleAfterFor(source);
            if (stale >= now && stale < until)
            {
                // Stale is "older than" the threshold: the flag turns just after this instant.
                until = stale.AddTicks(1);
            }
        }

        return until;
    }

    public static ProfileSummary ToSummary(GoldenProfile profile) => new(
        profile.Id,
        profile.UpdatedAt,
        SummaryFields.Where(profile.Fields.ContainsKey).ToDictionary(ApiNames.Field, f => profile.Fields[f].Value, StringComparer.Ordinal));

    public static TimelineItem ToItem(string id, TimelineEntry entry)
    {
        var (source, entityType, recordId) = RecordKeys.Parse(entry.RecordKey);
        return new TimelineItem(id, entry.Kind, source, entityType, recordId, entry.OccurredAt, entry.Title, entry.Status, entry.Amount, entry.Currency)
        {
            AmountDue = entry.AmountDue,
            DueOn = entry.DueOn,
            Product = entry.Product,
            BillingInterval = entry.BillingInterval,
            Quantity = entry.Quantity,
            RenewsOn = entry.RenewsOn,
            CloseOn = entry.CloseOn,
            Satisfied = entry.Satisfied,
            Channel = entry.Channel,
        };
    }

    /// <summary>The value of the profile's owner field, if any.</summary>
    public static string? OwnerOf(GoldenProfile profile, string ownerField) => profile.Fields.GetValueOrDefault(ownerField)?.Value;
}
