using System.Globalization;
using Customer360Hub.Profiles;
using Customer360Hub.Timeline;

namespace Customer360Hub.Scoring;

/// <summary>
/// Measures the model's metrics on a profile's aggregates at a moment. A metric without data is
/// left out (its factor then has less evidence, which lowers the confidence, not the score).
/// </summary>
public static class HealthMeasures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The days before the last 30 that give a customer's usual month of tickets.</summary>
    private const int TicketBaselineDays = 90;

    private const double TicketSlack = 2;

    /// <summary>Invoices that fell due this long ago or less tell how the customer pays now.</summary>
    private const int PaymentWindowDays = 90;

    public static IReadOnlyList<Measure> Read(ProfileAggregates state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var activity = state.Activity;
        var measures = new List<Measure>();

        if (state.UsageByDay.Count > 0)
        {
            measures.Add(UsageTrend(UsageTrendOf(state, today)));
        }

        if (Count(state, "ticket") > 0)
        {
            // Against the customer's usual month (the quarter before), not the one month before: a single
            // month is too few tickets to be a baseline. The two tickets of slack keep one or two tickets of a
            // customer who rarely writes from reading as a surge.
            var last = ActivityMetrics.Sum(activity, ActivityMetrics.Ticket, today, 30);
            var usual = ActivityMetrics.Sum(activity, ActivityMetrics.Ticket, today, 30 + TicketBaselineDays, 30) * 30.0 / TicketBaselineDays;
            measures.Add(new Measure(HealthMetrics.TicketTrend, (last + TicketSlack) / (usual + TicketSlack), TicketText(last, usual)));
            // An escalation raised this month is live trouble; one that has stayed open longer counts half: it
            // still needs closing, but it says less about how the customer is doing now.
            var recent = ActivityMetrics.Sum(activity, ActivityMetrics.OpenEscalation, today, 30);
            var older = Math.Max(0, state.OpenEscalations - recent);
            measures.Add(new Measure(HealthMetrics.OpenEscalations, recent + (0.5 * older), EscalationText(recent, older)));
        }

        if (Count(state, "invoice") + Count(state, "payment") + Count(state, "subscription") > 0)
        {
            measures.Add(DaysPastDue(state, today));
            if (DaysPaidLate(activity, today) is { } paidLate)
            {
                measures.Add(paidLate);
            }

            // A customer who pays invoices by transfer is never charged, so has no payment that could fail:
            // reading "no failed payments" for them would be a perfect mark for nothing, diluting the evidence
            // of how late they pay.
            var failed = ActivityMetrics.Sum(activity, ActivityMetrics.PaymentFailed, today, PaymentWindowDays);
            if (failed > 0 || ActivityMetrics.Sum(activity, ActivityMetrics.Charge, today, PaymentWindowDays) > 0)
            {
                measures.Add(new Measure(HealthMetrics.FailedPayments, failed, failed switch { 0 => "no failed payments in 90 days", 1 => "1 failed payment in the last 90 days", var n => $"{n} failed payments in the last 90 days" }));
            }
        }

        var sent = ActivityMetrics.Sum(activity, ActivityMetrics.EmailSent, today, 90);
        if (sent > 0)
        {
            var opened = ActivityMetrics.Sum(activity, ActivityMetrics.EmailOpened, today, 90);
            var rate = Math.Min(1.0, opened / (double)sent);
            measures.Add(new Measure(HealthMetrics.EmailEngagement, rate, $"{Percent(rate)} of {sent} marketing emails opened in 90 days"));
        }

        if (Count(state, "interaction") > 0)
        {
            var last = ActivityMetrics.LastDay(activity, ActivityMetrics.Touch);
            var days = last is { } day ? today.DayNumber - day.DayNumber : AggregateCalculator.UsageWindowDays;
            measures.Add(new Measure(
                HealthMetrics.LastTouch,
                days,
                last is null ? $"no touch with the account team in {days} days" : days <= 1 ? "in touch with the account team this week" : $"last touch with the account team {days} days ago"));
            var meetings = ActivityMetrics.Sum(activity, ActivityMetrics.Meeting, today, 90);
            measures.Add(new Measure(HealthMetrics.Meetings, meetings, meetings switch { 0 => "no meetings in the last 90 days", 1 => "1 meeting in the last 90 days", var n => $"{n} meetings in the last 90 days" }));
        }

        var next = state.Subscriptions.Values.Select(s => s.RenewsOn).Where(d => d >= today).Min();
        if (next is { } renewal)
        {
            var days = renewal.DayNumber - today.DayNumber;
            measures.Add(new Measure(HealthMetrics.Renewal, days, $"renewal due in {days} days ({renewal.ToString("yyyy-MM-dd", Invariant)})"));
        }

        var held = state.Subscriptions.Count + state.EndedSubscriptions.Count;
        if (held > 0)
        {
            var share = state.Subscriptions.Count / (double)held;
            measures.Add(new Measure(
                HealthMetrics.ActiveSubscriptions,
                share,
                state.EndedSubscriptions.Count == 0 ? (held == 1 ? "the subscription is active" : $"all {held} subscriptions active") : $"{state.EndedSubscriptions.Count} of {held} subscriptions ended"));
        }

        var rated = ActivityMetrics.Sum(activity, ActivityMetrics.CsatRated, today, AggregateCalculator.UsageWindowDays);
        if (rated > 0)
        {
            var csat = ActivityMetrics.Sum(activity, ActivityMetrics.CsatSatisfied, today, AggregateCalculator.UsageWindowDays) / (double)rated;
            measures.Add(new Measure(HealthMetrics.Csat, csat, $"CSAT {Percent(csat)} satisfied ({rated} ratings in 180 days)"));
        }

        var promoters = ActivityMetrics.Sum(activity, ActivityMetrics.NpsPromoter, today, AggregateCalculator.UsageWindowDays);
        var detractors = ActivityMetrics.Sum(activity, ActivityMetrics.NpsDetractor, today, AggregateCalculator.UsageWindowDays);
        var answers = promoters + detractors + ActivityMetrics.Sum(activity, ActivityMetrics.NpsPassive, today, AggregateCalculator.UsageWindowDays);
        if (answers > 0)
        {
            var nps = Math.Round(100.0 * (promoters - detractors) / answers);
            measures.Add(new Measure(HealthMetrics.Nps, nps, $"NPS {nps.ToString("+0;-0;0", Invariant)} ({answers} answers in 180 days)"));
        }

        return measures;
    }

    private static int Count(ProfileAggregates state, string kind) => state.Counts.GetValueOrDefault(kind);

    /// <summary>
    /// How late the customer pays now: the oldest invoice that fell due in the last 90 days. An invoice
    /// unpaid for longer is a receivable to chase (the profile's summary lists it) but says little about
    /// how the customer is doing this quarter: old disputed or forgotten balances sit for years on the
    /// ledgers of customers who pay every new invoice on time.
    /// </summary>
    private static Measure DaysPastDue(ProfileAggregates state, DateOnly today)
    {
        var overdue = state.OpenInvoices.Values.Where(i => i.DueOn is { } due && due < today).Select(i => today.DayNumber - i.DueOn!.Value.DayNumber).ToList();
        var recent = overdue.Where(d => d <= PaymentWindowDays).DefaultIfEmpty(0).Max();
        var older = overdue.Count(d => d > PaymentWindowDays);
        var words = recent == 0 ? "no invoice overdue from the last 90 days" : $"the oldest invoice due in the last 90 days is {recent} days past due";
        return new Measure(HealthMetrics.DaysPastDue, recent, older == 0 ? words : $"{words}; {older} older unpaid {(older == 1 ? "invoice" : "invoices")} to collect");
    }

    /// <summary>
    /// How late the customer pays when it pays: the average days after the due date of the invoices paid
    /// in the last 90 days; null when none was paid against a known due date. An invoice paid weeks late
    /// leaves the open invoices once paid, but it is still evidence of how the customer pays.
    /// </summary>
    private static Measure? DaysPaidLate(IReadOnlyDictionary<string, int> activity, DateOnly today)
    {
        var late = ActivityMetrics.DaysPaidLate(activity, today, PaymentWindowDays);
        if (late.Count == 0)
        {
            return null;
        }

        var average = late.Average();
        var lateCount = late.Count(d => d > 0);
        var words = (late.Count, lateCount) switch
        {
            (1, 0) => "the invoice paid in the last 90 days was paid on time",
            (_, 0) => $"the {late.Count} invoices paid in the last 90 days were paid on time",
            (1, _) => $"the invoice paid in the last 90 days was paid {late[0]} days after its due date",
            _ => $"invoices paid in the last 90 days: on average {Number((decimal)average)} days after the due date ({lateCount} of {late.Count} late, up to {late.Max()} days)",
        };
        return new Measure(HealthMetrics.DaysPaidLate, average, words);
    }

    private static (decimal Last, decimal Before, bool Earlier) UsageTrendOf(ProfileAggregates state, DateOnly today)
    {
        var trend = Timeline.UsageTrend.Of(state.UsageByDay, today);
        return (trend.Last30Days, trend.Previous30Days, trend.Last90Days + trend.Previous90Days > trend.Last30Days + trend.Previous30Days);
    }

    private static Measure UsageTrend((decimal Last, decimal Before, bool Earlier) usage)
    {
        var (last, before, earlier) = usage;
        if (before > 0)
        {
            var change = (double)((last - before) / before);
            var words = change switch
            {
                <= -0.995 => "product usage stopped this month",
                <= -0.05 => $"product usage fell {Percent(-change)} this month",
                >= 0.05 => $"product usage rose {Percent(change)} this month",
                _ => "product usage held steady this month",
            };
            return new Measure(HealthMetrics.UsageTrend, change, $"{words} ({Number(last)} in the last 30 days against {Number(before)} the 30 before)");
        }

        return last > 0
            ? new Measure(HealthMetrics.UsageTrend, 1, $"product usage started this month ({Number(last)} in the last 30 days)")
            : new Measure(HealthMetrics.UsageTrend, -1, earlier ? "no product usage in the last 60 days" : "no product usage in the last 30 days");
    }

    private static string EscalationText(int recent, int older) => (recent, older) switch
    {
        (0, 0) => "no open escalations",
        (_, 0) => $"{Escalations(recent)} raised in the last 30 days",
        (0, _) => $"{Escalations(older)} older than 30 days",
        _ => $"{Escalations(recent + older)}, {recent} raised in the last 30 days",
    };

    private static string Escalations(int count) => count == 1 ? "1 open escalation" : $"{count} open escalations";

    private static string TicketText(int last, double usual)
    {
        if (usual == 0)
        {
            return last switch
            {
                0 => "no support tickets in the last 120 days",
                1 => "1 support ticket this month after none in the 90 days before",
                _ => $"{last} support tickets this month after none in the 90 days before",
            };
        }

        var ratio = last / usual;
        var words = ratio switch
        {
            >= 3.5 => $"support tickets rose {Math.Round(ratio).ToString(Invariant)}-fold this month",
            >= 2.75 => "support tickets tripled this month",
            >= 1.85 => "support tickets doubled this month",
            >= 1.15 => $"support tickets rose {Percent(ratio - 1)} this month",
            <= 0.85 => $"support tickets fell {Percent(1 - ratio)} this month",
            _ => "support tickets held steady this month",
        };
        return $"{words} ({last} in the last 30 days against {Number((decimal)usual)} in a usual month)";
    }

    private static string Percent(double share) => Math.Round(share * 100).ToString(Invariant) + "%";

    private static string Number(decimal value) => Math.Round(value, 1).ToString("0.#", Invariant);
}
