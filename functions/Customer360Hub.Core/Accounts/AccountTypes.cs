using Customer360Hub.Changes;
using Customer360Hub.Profiles;

namespace Customer360Hub.Accounts;

/// <summary>The account types: Customer, Prospect, Partner, Competitor, Household.</summary>
public static class AccountTypes
{
    public const string Customer = "customer";
    public const string Prospect = "prospect";
    public const string Partner = "partner";
    public const string Competitor = "competitor";
    public const string Household = "household";

    private static readonly string[] RevenueKinds = ["order", "invoice", "payment", "subscription"];

    /// <summary>
    /// The golden <c>account_type</c> when a source states one; otherwise an organisation with any
    /// order, invoice, payment or subscription is a customer and one without is a prospect. A
    /// person has an account type only when a source states one.
    /// </summary>
    public static string? Of(GoldenProfile profile, ProfileAggregates? aggregates)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Fields.TryGetValue(CanonicalFields.AccountType, out var stated))
        {
            return stated.Value;
        }

        if (profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value != "organization")
        {
            return null;
        }

        return aggregates is not null && RevenueKinds.Any(aggregates.Counts.ContainsKey) ? Customer : Prospect;
    }
}
