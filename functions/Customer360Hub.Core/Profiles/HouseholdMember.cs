namespace Customer360Hub.Profiles;

/// <summary>A profile's place in a household (container <c>households</c>, partition = household id, id = profile id).</summary>
public sealed record HouseholdMember(string HouseholdId, string ProfileId, DateTimeOffset Since);
