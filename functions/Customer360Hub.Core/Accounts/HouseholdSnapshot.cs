using Customer360Hub.Profiles;

namespace Customer360Hub.Accounts;

/// <summary>A household with the profiles of its members and when each joined.</summary>
public sealed record HouseholdSnapshot(string HouseholdId, IReadOnlyList<(GoldenProfile Profile, DateTimeOffset Since)> Members);
