using Customer360Hub.Profiles;

namespace Customer360Hub.Api.Profiles;

/// <summary>The 360 profile as the API returns it.</summary>
public sealed record ProfileView(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, GoldenValue> Fields,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Sources,
    IReadOnlyList<MemberView> Members,
    IReadOnlyDictionary<string, int> TransactionCounts,
    ProfileScore? Score,
    EngineInfo Engine);
