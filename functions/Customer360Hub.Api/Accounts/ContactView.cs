namespace Customer360Hub.Api.Accounts;

/// <summary>A contact of an account: the person's profile, primary contact points and roles there.</summary>
public sealed record ContactView(string ProfileId, string? Name, string? Email, string? Phone, IReadOnlyList<string> Roles);
