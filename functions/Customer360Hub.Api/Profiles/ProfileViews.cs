using Customer360Hub.Changes;
using Customer360Hub.Profiles;

namespace Customer360Hub.Api.Profiles;

/// <summary>Maps stored documents to the API's views (camelCase field names, source record keys split).</summary>
internal static class ProfileViews
{
    private static readonly string[] SummaryFields =
    [
        CanonicalFields.GivenName, CanonicalFields.FamilyName, CanonicalFields.FullName, CanonicalFields.CompanyName,
        CanonicalFields.City, CanonicalFields.Country, CanonicalFields.Email,
    ];

    public static ProfileView ToView(GoldenProfile profile, ProfileScore? score) => new(
        profile.Id,
        profile.CreatedAt,
        profile.UpdatedAt,
        profile.LastPulledAt,
        profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value, StringComparer.Ordinal),
        profile.Emails,
        profile.Sources,
        profile.Members.Select(m =>
        {
            var (source, entityType, recordId) = RecordKeys.Parse(m.RecordKey);
            return new MemberView(source, entityType, recordId, m.LinkedAt, m.Rule);
        }).ToList(),
        profile.TransactionCounts,
        score,
        profile.Engine);

    public static ProfileSummary ToSummary(GoldenProfile profile) => new(
        profile.Id,
        profile.UpdatedAt,
        SummaryFields.Where(profile.Fields.ContainsKey).ToDictionary(ApiNames.Field, f => profile.Fields[f], StringComparer.Ordinal));

    public static TimelineItem ToItem(string id, TimelineEntry entry)
    {
        var (source, entityType, recordId) = RecordKeys.Parse(entry.RecordKey);
        return new TimelineItem(id, entry.Kind, source, entityType, recordId, entry.OccurredAt, entry.Title, entry.Status, entry.Amount, entry.Currency);
    }

    /// <summary>The value of the profile's owner field, if any.</summary>
    public static string? OwnerOf(GoldenProfile profile, string ownerField) => profile.Fields.GetValueOrDefault(ownerField)?.Value;
}
