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

    /// <summary>Drops usage and activity days that left the window.</summary>
    public ProfileAggregates Prune(ProfileAggregates state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var oldest = OldestUsageDay();
        if (state.UsageByDay.Keys.All(day => string.CompareOrdinal(day, oldest) >= 0) && state.Activity.Keys.All(key => string.CompareOrdinal(key, oldest) >= 0))
        {
            return state;
        }

        return state with
        {
            UsageByDay = state.UsageByDay.Where(d => string.CompareOrdinal(d.Key, oldest) >= 0).ToDictionary(StringComparer.Ordinal),
            Activity = state.Activity.Where(d => string.CompareOrdinal(d.Key, oldest) >= 0).ToDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>True when nothing is left: the document can be deleted.</summary>
    public static bool IsEmpty(ProfileAggregates state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Counts.Count == 0 && state.UsageByDay.Count == 0 && state.Activity.Count == 0 && state.LifetimeValue.Count == 0 && state.LastInteractionAt is null;
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
        var escalations = state.OpenEscalations;
        var ended = state.EndedSubscriptions;
        var bought = state.ProductsBought;
        var activity = state.Activity;
        var day = DateOnly.FromDateTime(entry.OccurredAt.UtcDateTime);
        var inWindow = string.CompareOrdinal(ActivityMetrics.Day(day), OldestUsageDay()) >= 0;
        var lost = false;

        void Count(string metric)
        {
            if (inWindow)
            {
                activity = Adjust(activity, ActivityMetrics.Key(day, metric), sign);
            }
        }

        void CountOn(DateOnly other, string metric)
        {
            if (string.CompareOrdinal(ActivityMetrics.Day(other), OldestUsageDay()) >= 0)
            {
                activity = Adjust(activity, ActivityMetrics.Key(other, metric), sign);
            }
        }

        if (entry.Amount is { } amount && settings.EffectiveLifetimeValueKinds().Contains(entry.Kind, StringComparer.Ordinal) && TransactionStatus.CountsTowardValue(entry.Status))
        {
            lifetime = Adjust(lifetime, currency, sign * amount);
        }

        if (entry.Product is { } product && settings.EffectiveProductKinds().Contains(entry.Kind, StringComparer.Ordinal))
        {
            bought = Adjust(bought, product, sign);
        }

        if (entry.Nps is { } nps)
        {
            Count(nps >= 9 ? ActivityMetrics.NpsPromoter : nps >= 7 ? ActivityMetrics.NpsPassive : ActivityMetrics.NpsDetractor);
        }

        switch (entry.Kind)
        {
            case "subscription" when TransactionStatus.SubscriptionIsActive(entry.Status):
                subscriptions = Keyed(subscriptions, entry.RecordKey, sign > 0 ? new SubscriptionHolding(entry.Product, MonthlyAmount(entry), currency, entry.RenewsOn, entry.UsageLimit) : null);
                break;
            case "subscription" when TransactionStatus.SubscriptionHasEnded(entry.Status):
                ended = Keyed(ended, entry.RecordKey, sign > 0 ? new SubscriptionHolding(entry.Product, MonthlyAmount(entry), currency, entry.RenewsOn, entry.UsageLimit) : null);
                break;
            case "payment":
                if (TransactionStatus.PaymentFailed(entry.Status))
                {
                    Count(ActivityMetrics.PaymentFailed);
                }

                if (TransactionStatus.PaymentIsCharge(entry.Status))
                {
                    Count(ActivityMetrics.Charge);
                }

                // A receipt (a transfer posted in an ERP) is dated when the money came in: how late that was is news. A
                // charge is attempted when the invoice falls due, and its lateness is what failed payments read.
                if (entry.RelatedRef is { } settled && TransactionStatus.CountsTowardValue(entry.Status) && !TransactionStatus.PaymentIsCharge(entry.Status))
                {
                    Count(ActivityMetrics.InvoicePaidPrefix + settled);
                }

                break;
            case "marketingEvent":
                switch (entry.Status)
                {
                    case "sent":
                        Count(ActivityMetrics.EmailSent);
                        break;
                    case "open" or "opened":
                        Count(ActivityMetrics.EmailOpened);
                        break;
                    case "click" or "clicked":
                        Count(ActivityMetrics.EmailClicked);
                        break;
                    default:
                        break;
                }

                break;
            case "interaction":
                Count(ActivityMetrics.Touch);
                if (string.Equals(entry.Channel, "meeting", StringComparison.OrdinalIgnoreCase))
                {
                    Count(ActivityMetrics.Meeting);
                }

                break;
            case "invoice":
                if (entry.DueOn is { } due)
                {
                    CountOn(due, ActivityMetrics.InvoiceDuePrefix + entry.RecordKey);
                }

                if (TransactionStatus.InvoiceIsOpen(entry.Status) && (entry.AmountDue ?? entry.Amount) is > 0)
                {
                    invoices = Keyed(invoices, entry.RecordKey, sign > 0 ? new OpenInvoice(Exact((entry.AmountDue ?? entry.Amount)!.Value), currency, entry.DueOn) : null);
                }

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
                    if (TransactionStatus.TicketIsEscalated(entry.Status) || (entry.Priority is { } priority && settings.EffectiveEscalationPriorities().Contains(priority, StringComparer.OrdinalIgnoreCase)))
                    {
                        escalations += sign;
                        Count(ActivityMetrics.OpenEscalation);
                    }
                }

                // A rating-only record (a satisfaction survey answer) is not another ticket.
                if (entry.Status is not null || entry.Satisfied is null)
                {
                    Count(ActivityMetrics.Ticket);
                }

                if (entry.Satisfied is { } happy)
                {
                    rated += sign;
                    satisfied += happy ? sign : 0;
                    Count(ActivityMetrics.CsatRated);
                    if (happy)
                    {
                        Count(ActivityMetrics.CsatSatisfied);
                    }
                }

                break;
            case "usage":
                if (inWindow)
                {
                    usage = Adjust(usage, ActivityMetrics.Day(day), sign * (entry.Quantity ?? 1));
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
            OpenEscalations = escalations,
            EndedSubscriptions = ended,
            ProductsBought = bought,
            Activity = activity,
        }, lost);
    }

    /// <summary>
    /// The aggregates of several profiles as one (an account with its contacts): sums add up and
    /// keyed sets unite, exactly as if every entry sat on one timeline.
    /// </summary>
    public static ProfileAggregates Combine(string profileId, IEnumerable<ProfileAggregates> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToList();
        if (all.Count == 1)
        {
            return all[0];
        }

        return new ProfileAggregates
        {
            ProfileId = profileId,
            ChangedAt = all.Count == 0 ? default : all.Max(p => p.ChangedAt),
            Counts = SumAll(all.Select(p => p.Counts)),
            LifetimeValue = SumAll(all.Select(p => p.LifetimeValue)),
            Subscriptions = UnionAll(all.Select(p => p.Subscriptions)),
            OpenInvoices = UnionAll(all.Select(p => p.OpenInvoices)),
            OpenOpportunities = all.Sum(p => p.OpenOpportunities),
            Pipeline = SumAll(all.Select(p => p.Pipeline)),
            OpenTickets = all.Sum(p => p.OpenTickets),
            CsatRated = all.Sum(p => p.CsatRated),
            CsatSatisfied = all.Sum(p => p.CsatSatisfied),
            LastInteractionAt = all.Max(p => p.LastInteractionAt),
            UsageByDay = SumAll(all.Select(p => p.UsageByDay)),
            OpenEscalations = all.Sum(p => p.OpenEscalations),
            EndedSubscriptions = UnionAll(all.Select(p => p.EndedSubscriptions)),
            ProductsBought = SumAll(all.Select(p => p.ProductsBought)),
            Activity = SumAll(all.Select(p => p.Activity)),
        };
    }

    private static Dictionary<string, int> SumAll(IEnumerable<Dictionary<string, int>> maps) =>
        Sorted(maps.SelectMany(m => m).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal));

    private static Dictionary<string, decimal> SumAll(IEnumerable<Dictionary<string, decimal>> maps) =>
        Sorted(maps.SelectMany(m => m).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Exact(g.Sum(e => e.Value)), StringComparer.Ordinal));

    private static Dictionary<string, T> UnionAll<T>(IEnumerable<Dictionary<string, T>> maps) =>
        Sorted(maps.SelectMany(m => m).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));

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
