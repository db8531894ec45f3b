namespace Customer360Hub.Api.Accounts;

/// <summary>A household (account type <c>household</c>) with its members and the address most of them share.</summary>
public sealed record HouseholdView(string Id, string AccountType, string? Address, IReadOnlyList<HouseholdMemberView> Members);
