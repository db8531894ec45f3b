using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>
/// Why a profile's records belong together: its members (with the rule that linked each), the
/// relations among them with their evidence, possible matches and household ties to records of
/// other profiles, and the steward decisions that touch its records.
/// </summary>
public sealed record ProfileExplanation(
    string ProfileId,
    string? HouseholdId,
    IReadOnlyList<ProfileMember> Members,
    IReadOnlyList<IdentityLink> Links,
    IReadOnlyList<IdentityLink> PossibleMatches,
    IReadOnlyList<IdentityLink> Households,
    IReadOnlyList<StewardDecision> StewardDecisions,
    string Model);
