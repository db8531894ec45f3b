namespace Customer360Hub.Api.Accounts;

/// <summary>A member of a household and since when.</summary>
public sealed record HouseholdMemberView(string ProfileId, string? Name, string? Email, DateTimeOffset Since);
