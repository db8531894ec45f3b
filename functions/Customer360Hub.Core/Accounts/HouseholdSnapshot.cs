using Customer360Hub.Profiles;

namespace Customer360Hub.Accounts;

/// <summary>A household with the profiles of its members.</summary>
public sealed record HouseholdSnapshot(Household Household, IReadOnlyList<(GoldenProfile Profile, string? Role)> Members);
