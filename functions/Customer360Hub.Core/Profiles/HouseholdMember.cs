namespace Customer360Hub.Profiles;

/// <summary>A person profile in a household.</summary>
public sealed record HouseholdMember(string ProfileId, DateTimeOffset LinkedAt, string? Role = null);
