using Customer360Hub.Profiles;

namespace Customer360Hub.Accounts;

/// <summary>A person profile that is a contact of an account, with its roles there.</summary>
public sealed record AccountContact(GoldenProfile Profile, IReadOnlyList<string> Roles);
