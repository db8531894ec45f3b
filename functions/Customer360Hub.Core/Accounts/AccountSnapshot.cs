using Customer360Hub.Profiles;

namespace Customer360Hub.Accounts;

/// <summary>An account profile with its contacts, its parent account and its child accounts, resolved now.</summary>
public sealed record AccountSnapshot(GoldenProfile Account, ProfileAggregates? Aggregates, IReadOnlyList<AccountContact> Contacts, GoldenProfile? Parent, IReadOnlyList<GoldenProfile> Children);
