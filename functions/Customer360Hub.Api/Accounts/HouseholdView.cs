namespace Customer360Hub.Api.Accounts;

/// <summary>A household (account type <c>household</c>) with its members.</summary>
public sealed record HouseholdView(string Id, string AccountType, string? Rule, DateTimeOffset UpdatedAt, string? Address, IReadOnlyList<HouseholdMemberView> Members);
