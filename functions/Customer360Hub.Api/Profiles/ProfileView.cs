using Customer360Hub.Profiles;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The 360 profile as the API returns it, before scoping: each caller receives only the fields of
/// the groups its role sees. <see cref="Engine"/> and <see cref="ProfileScore.Note"/> say which
/// parts are still preliminary.
/// </summary>
public sealed record ProfileView(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastPulledAt,
    IReadOnlyDictionary<string, GoldenValue> Fields,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Sources,
    IReadOnlyList<MemberView> Members,
    IReadOnlyDictionary<string, int> TransactionCounts,
    ProfileScore? Score,
    EngineInfo Engine);
