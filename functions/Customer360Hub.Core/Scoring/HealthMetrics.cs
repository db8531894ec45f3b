namespace Customer360Hub.Scoring;

/// <summary>
/// The metrics the factors are made of, what each measures, and the default curve that turns its
/// value into a score from 0 (worst) to 1 (best). Curves are configurable per metric
/// (<c>Scoring:Health:Curves</c>); these are the defaults documented in docs/health.md.
/// </summary>
public static class HealthMetrics
{
    /// <summary>Usage in the last 30 days against the 30 before, as a relative change (-0.4 = down 40%).</summary>
    public const string UsageTrend = "usageTrend";

    /// <summary>Tickets opened in the last 30 days against the customer's usual month (the 90 days before, per 30 days): (last + 2) / (usual + 2).</summary>
    public const string TicketTrend = "ticketTrend";

    /// <summary>Open escalated tickets, weighted by age: raised in the last 30 days 1, older 0.5.</summary>
    public const string OpenEscalations = "openEscalations";

    /// <summary>Days the oldest invoice that fell due in the last 90 days is past due (older unpaid invoices are receivables, not news).</summary>
    public const string DaysPastDue = "daysPastDue";

    /// <summary>Failed payments in the last 90 days; read only for a customer who is charged (card, debit), not one who pays invoices by transfer.</summary>
    public const string FailedPayments = "failedPayments";

    /// <summary>Average days after the due date the invoices paid in the last 90 days were paid (0 = on time).</summary>
    public const string DaysPaidLate = "daysPaidLate";

    /// <summary>Marketing emails opened per email sent in the last 90 days.</summary>
    public const string EmailEngagement = "emailEngagement";

    /// <summary>Days since the last touch with the account team (mail, call, meeting).</summary>
    public const string LastTouch = "lastTouch";

    /// <summary>Meetings in the last 90 days.</summary>
    public const string Meetings = "meetings";

    /// <summary>Days until the next subscription renewal.</summary>
    public const string Renewal = "renewal";

    /// <summary>Active subscriptions per subscription ever held (active + ended).</summary>
    public const string ActiveSubscriptions = "activeSubscriptions";

    /// <summary>Satisfied ticket ratings per rating in the last 180 days.</summary>
    public const string Csat = "csat";

    /// <summary>Net Promoter Score of the answers in the last 180 days (-100 to 100).</summary>
    public const string Nps = "nps";

    /// <summary>Each metric's factor.</summary>
    public static IReadOnlyDictionary<string, string> FactorOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [UsageTrend] = HealthFactors.Usage,
        [TicketTrend] = HealthFactors.Support,
        [OpenEscalations] = HealthFactors.Support,
        [DaysPastDue] = HealthFactors.Payment,
        [FailedPayments] = HealthFactors.Payment,
        [DaysPaidLate] = HealthFactors.Payment,
        [EmailEngagement] = HealthFactors.Engagement,
        [LastTouch] = HealthFactors.Engagement,
        [Meetings] = HealthFactors.Engagement,
        [Renewal] = HealthFactors.Contract,
        [ActiveSubscriptions] = HealthFactors.Contract,
        [Csat] = HealthFactors.Sentiment,
        [Nps] = HealthFactors.Sentiment,
    };

    /// <summary>The default curves: (value, score) points, linear between them, flat beyond the ends.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CurvePoint>> DefaultCurves { get; } = new Dictionary<string, IReadOnlyList<CurvePoint>>(StringComparer.Ordinal)
    {
        // Steady usage is healthy: only a fall beyond the month-to-month wobble costs points, and growth earns
        // none (a factor scoring steady customers below 1 would make a profile's score depend on which factors it has data for).
        [UsageTrend] = [new(-0.6, 0), new(-0.3, 0.35), new(-0.1, 0.8), new(-0.03, 1)],
        [TicketTrend] = [new(1.3, 1), new(1.6, 0.7), new(2, 0.45), new(3, 0.15), new(4, 0)],
        [OpenEscalations] = [new(0, 1), new(1, 0.5), new(2, 0.25), new(3, 0)],
        [DaysPastDue] = [new(0, 1), new(15, 0.75), new(30, 0.45), new(60, 0.15), new(90, 0)],
        [FailedPayments] = [new(0, 1), new(1, 0.55), new(2, 0.25), new(3, 0)],
        // A few days late is how many customers pay; weeks late on average is a customer short of cash or of goodwill.
        [DaysPaidLate] = [new(3, 1), new(15, 0.7), new(30, 0.4), new(60, 0.1), new(90, 0)],
        [EmailEngagement] = [new(0, 0.1), new(0.1, 0.45), new(0.25, 0.8), new(0.4, 1)],
        [LastTouch] = [new(0, 1), new(21, 1), new(45, 0.6), new(60, 0.3), new(90, 0)],
        // Many healthy customers have no meeting in a quarter; a meeting is a good sign, its absence only a weak one.
        [Meetings] = [new(0, 0.85), new(1, 1)],
        [Renewal] = [new(0, 0.4), new(30, 0.55), new(90, 0.8), new(180, 1)],
        [ActiveSubscriptions] = [new(0, 0), new(0.5, 0.4), new(1, 1)],
        [Csat] = [new(0.4, 0), new(0.7, 0.5), new(0.85, 0.85), new(0.95, 1)],
        [Nps] = [new(-60, 0), new(-20, 0.3), new(0, 0.5), new(30, 0.8), new(60, 1)],
    };
}
