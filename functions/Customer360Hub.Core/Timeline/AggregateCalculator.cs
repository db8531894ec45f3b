using System.Globalization;
using Customer360Hub.Profiles;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Timeline;

/// <summary>
/// Adds and removes one timeline entry's share of a profile's aggregates. Both directions are exact
/// inverses (sums, counts and keyed sets), so moving entries between profiles and back restores
/// both aggregates to the decimal. The one maximum (last interaction) is flagged for recomputation
/// when its entry leaves.
/// </summary>
public sealed class AggregateCalculator(IOptions<AggregateOptions> options, TimeProvider time)
{
    /// <summary>Days of usage kept: enough for "last 90 days against the 90 before".</summary>
    public const int UsageWindowDays = 180;

    public (ProfileAggregates State, bool LastInteractionLost) Remove(ProfileAggregates state, TimelineEntry entry) => Apply(state, entry, -1);

    public ProfileAggregates Add(ProfileAggregates state, TimelineEntry entry) => Apply(state, entry, +1).State;

    public bool IsInteraction(string kind) => options.Value.EffectiveInteractionKinds().Contains(kind, StringComparer.Ordinal);

    /// <summary>Drops usage days that left the window.</summary>
    public ProfileAggregates Prune(ProfileAggregates state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var oldest = OldestUsageDay();
        if (state.UsageByDay.Keys.All(day => string.CompareOrdinal(day, oldest) >= 0))
        {
            return state;
        }

        return state with { UsageByDay = state.UsageByDay.Where(d => string.CompareOrdinal(d.Key, oldest) >= 0).ToDictionary(StringComparer.Ordinal) };
    }

    /// <summary>True when nothing is left: the document can be deleted.</summary>
    public static bool IsEmpty(ProfileAggregates state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Counts.Count == 0 && state.UsageByDay.Count == 0 && state.LifetimeValue.Count == 0 && state.LastInteractionAt is null;
    }

    private (ProfileAggregates State, bool LastInteractionLost) Apply(ProfileAggregates state, TimelineEntry entry, int sign)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var settings = options.Value;
        var currency = entry.Currency ?? settings.DefaultCurrency;
        var counts = Adjust(state.Counts, entry.Kind, sign);
        var lifetime = state.LifetimeValue;
        var subscriptions = state.Subscriptions;
        var invoices = state.OpenInvoices;
        var openOpportunities = state.OpenOpportunities;
        var pipeline = state.Pipeline;
        var openTickets = state.OpenTickets;
        var rated = state.CsatRated;
        var satisfied = state.CsatSatisfied;
        var usage = state.UsageByDay;
        var lastInteraction = state.LastInteractionAt;
        var lost = false;

        if (entry.Amount is { } amount && settings.EffectiveLifetimeValueKinds().Contains(entry.Kind, StringComparer.Ordinal) && TransactionStatus.CountsTowardValue(entry.Status))
        {
            lifetime = Adjust(lifetime, currency, sign * amount);
        }

        switch (entry.Kind)
        {
            case "subscription" when TransactionStatus.SubscriptionIsActive(entry.Status):
                subscriptions = Keyed(subscriptions, entry.RecordKey, sign > 0 ? new SubscriptionHolding(entry.Product, MonthlyAmount(entry), currency, entry.RenewsOn) : null);
                break;
            case "invoice" when TransactionStatus.InvoiceIsOpen(entry.Status) && (entry.AmountDue ?? entry.Amount) is > 0:
                invoices = Keyed(invoices, entry.RecordKey, sign > 0 ? new OpenInvoice(Exact((entry.AmountDue ?? entry.Amount)!.Value), currency, entry.DueOn) : null);
                break;
            case "opportunity" when TransactionStatus.OpportunityIsOpen(entry.Status):
                openOpportunities += sign;
                if (entry.Amount is { } value)
                {
                    pipeline = Adjust(pipeline, currency, sign * value);
                }

                break;
            case "ticket":
                if (TransactionStatus.TicketIsOpen(entry.Status))
                {
                    openTickets += sign;
                }

                if (entry.Satisfied is { } happy)
                {
                    rated += sign;
                    satisfied += happy ? sign : 0;
                }

                break;
            case "usage":
                var day = entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (string.CompareOrdinal(day, OldestUsageDay()) >= 0)
                {
                    usage = Adjust(usage, day, sign * (entry.Quantity ?? 1));
                }

                break;
            default:
                break;
        }

        if (IsInteraction(entry.Kind))
        {
            if (sign > 0 && (lastInteraction is null || entry.OccurredAt > lastInteraction))
            {
                lastInteraction = entry.OccurredAt;
            }
            else if (sign < 0 && lastInteraction is { } last && entry.OccurredAt >= last)
            {
                lastInteraction = null;
                lost = true;
            }
        }

        return (state with
        {
            Counts = counts,
            LifetimeValue = lifetime,
            Subscriptions = subscriptions,
            OpenInvoices = invoices,
            OpenOpportunities = openOpportunities,
            Pipeline = pipeline,
            OpenTickets = openTickets,
            CsatRated = rated,
            CsatSatisfied = satisfied,
            UsageByDay = usage,
            LastInteractionAt = lastInteraction,
        }, lost);
    }

    private string OldestUsageDay() =>
        time.GetUtcNow().UtcDateTime.Date.AddDays(-UsageWindowDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal MonthlyAmount(TimelineEntry entry)
    {
        var amount = (entry.Amount ?? 0) * (entry.Quantity ?? 1);
        return Exact(entry.BillingInterval switch
        {
            "day" => amount * 365 / 12,
            "week" => amount * 52 / 12,
            "quarter" => amount / 3,
            "year" => amount / 12,
            _ => amount,
        });
    }

    private static Dictionary<string, int> Adjust(Dictionary<string, int> map, string key, int delta)
    {
        var copy = new Dictionary<string, int>(map, StringComparer.Ordinal);
        var value = copy.GetValueOrDefault(key) + delta;
        if (value == 0)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return Sorted(copy);
    }

    private static Dictionary<string, decimal> Adjust(Dictionary<string, decimal> map, string key, decimal delta)
    {
        var copy = new Dictionary<string, decimal>(map, StringComparer.Ordinal);
        var value = Exact(copy.GetValueOrDefault(key) + delta);
        if (value == 0)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return Sorted(copy);
    }

    private static Dictionary<string, T> Keyed<T>(Dictionary<string, T> map, string key, T? value)
        where T : class
    {
        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return Sorted(copy);
    }

    /// <summary>Keys in ordinal order, so equal totals are also equal documents.</summary>
    private static Dictionary<string, T> Sorted<T>(Dictionary<string, T> map) =>
        map.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Trailing zeros removed, so a sum that returns to a value also returns to its exact text.</summary>
    public static decimal Exact(decimal value) => value / 1.0000000000000000000000000000m;
}
