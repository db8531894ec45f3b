namespace Customer360Hub.Api.Accounts;

/// <summary>A member of a household.</summary>
public sealed record HouseholdMemberView(string ProfileId, string? Name, string? Email, string? Role);
