using Customer360Hub.Timeline;

namespace Customer360Hub.Api.Accounts;

/// <summary>An account (organisation) with its contacts, parent and child accounts and its aggregates.</summary>
public sealed record AccountView(
    string Id,
    string? Name,
    string? AccountType,
    IReadOnlyDictionary<string, string> Fields,
    AccountRefView? Parent,
    IReadOnlyList<AccountRefView> Children,
    IReadOnlyList<ContactView> Contacts,
    AggregateSummary Aggregates);
