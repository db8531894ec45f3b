namespace Customer360Hub.Api.Accounts;

/// <summary>Another account, by id and name.</summary>
public sealed record AccountRefView(string Id, string? Name, string? AccountType);
