using System.Globalization;
using Customer360Hub.Profiles;

namespace Customer360Hub.Timeline;

/// <summary>
/// A profile's aggregates as of a moment: the kept totals plus what depends on the clock (overdue
/// receivables and days past due, usage trends, the next renewal). Money is per currency.
/// </summary>
public sealed record AggregateSummary
{
    public required Dictionary<string, int> TransactionCounts { get; init; }
    public required Dictionary<string, decimal> LifetimeValue { get; init; }
    public required Dictionary<string, decimal> Mrr { get; init; }
    public required Dictionary<string, decimal> Arr { get; init; }
    public required Dictionary<string, decimal> OpenReceivables { get; init; }
    public required Dictionary<string, decimal> OverdueReceivables { get; init; }
    public int OpenInvoices { get; init; }
    public int OverdueInvoices { get; init; }

    /// <summary>Days the oldest overdue invoice is past its due date; 0 when none is overdue.</summary>
    public int MaxDaysPastDue { get; init; }

    public int OpenOpportunities { get; init; }
    public required Dictionary<string, decimal> Pipeline { get; init; }
    public int OpenTickets { get; init; }

    /// <summary>Open tickets that are escalated (status or priority).</summary>
    public int OpenEscalations { get; init; }

    /// <summary>Share of rated tickets rated satisfied, 0..1; null when none is rated.</summary>
    public double? Csat { get; init; }
    public int CsatResponses { get; init; }
    public DateTimeOffset? LastInteractionAt { get; init; }
    public required List<string> ProductsHeld { get; init; }

    /// <summary>Products bought outright (orders, invoices).</summary>
    public required List<string> ProductsBought { get; init; }

    /// <summary>Subscriptions that ended (canceled, unpaid, expired).</summary>
    public int EndedSubscriptions { get; init; }
    public required List<Renewal> Renewals { get; init; }
    public DateOnly? NextRenewalOn { get; init; }
    public required UsageTrend Usage { get; init; }

    public static AggregateSummary Of(ProfileAggregates? aggregates, DateTimeOffset now)
    {
        var state = aggregates ?? new ProfileAggregates { ProfileId = string.Empty };
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var mrr = Sum(state.Subscriptions.Values.Select(s => (s.Currency, s.MonthlyAmount)));
        var overdue = state.OpenInvoices.Values.Where(i => i.DueOn is { } due && due < today).ToList();
        var renewals = state.Subscriptions.Values
            .Where(s => s.RenewsOn is not null)
            .Select(s => new Renewal(s.Product, s.RenewsOn!.Value))
            .OrderBy(r => r.RenewsOn)
            .ThenBy(r => r.Product, StringComparer.Ordinal)
            .ToList();
        return new AggregateSummary
        {
            TransactionCounts = state.Counts,
            LifetimeValue = state.LifetimeValue,
            Mrr = mrr,
            Arr = mrr.ToDictionary(m => m.Key, m => AggregateCalculator.Exact(m.Value * 12), StringComparer.Ordinal),
            OpenReceivables = Sum(state.OpenInvoices.Values.Select(i => (i.Currency, i.Balance))),
            OverdueReceivables = Sum(overdue.Select(i => (i.Currency, i.Balance))),
            OpenInvoices = state.OpenInvoices.Count,
            OverdueInvoices = overdue.Count,
            MaxDaysPastDue = overdue.Count == 0 ? 0 : overdue.Max(i => today.DayNumber - i.DueOn!.Value.DayNumber),
            OpenOpportunities = state.OpenOpportunities,
            Pipeline = state.Pipeline,
            OpenTickets = state.OpenTickets,
            OpenEscalations = state.OpenEscalations,
            Csat = state.CsatRated == 0 ? null : Math.Round(state.CsatSatisfied / (double)state.CsatRated, 3),
            CsatResponses = state.CsatRated,
            LastInteractionAt = state.LastInteractionAt,
            ProductsHeld = state.Subscriptions.Values.Select(s => s.Product).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ProductsBought = [.. state.ProductsBought.Keys],
            EndedSubscriptions = state.EndedSubscriptions.Count,
            Renewals = renewals,
            NextRenewalOn = renewals.Select(r => (DateOnly?)r.RenewsOn).FirstOrDefault(d => d >= today),
            Usage = UsageTrend.Of(state.UsageByDay, today),
        };
    }

    private static Dictionary<string, decimal> Sum(IEnumerable<(string Currency, decimal Amount)> amounts) =>
        amounts.GroupBy(a => a.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AggregateCalculator.Exact(g.Sum(a => a.Amount)), StringComparer.Ordinal);
}
