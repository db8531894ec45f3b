using Customer360Hub.Profiles;
using Customer360Hub.Timeline;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The 360 profile as the API returns it, before scoping: each caller receives only the fields of
/// the groups its role sees. <see cref="Fields"/> holds golden values by camelCase name;
/// <see cref="Lineage"/> (on request) says where each came from, why it won and what lost. A read
/// with <c>asOf</c> returns the profile as it was then, without aggregates or score.
/// <see cref="Engine"/> names the engines that built it; the score carries its model and confidence.
/// </summary>
public sealed record ProfileView(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AsOf,
    string? PartyType,
    string? AccountType,
    string? AccountId,
    string? HouseholdId,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, GoldenValue>? Lineage,
    ContactPoints ContactPoints,
    IReadOnlyDictionary<string, GoldenValue> Consent,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, FreshnessView> Freshness,
    double Completeness,
    IReadOnlyList<MemberView> Members,
    IReadOnlyDictionary<string, int> TransactionCounts,
    AggregateSummary? Aggregates,
    ProfileScore? Score,
    EngineInfo Engine);
