using System.Globalization;
using Customer360Hub.Profiles;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>Turns an assessment and its context into signals, each with a suggested next step.</summary>
public sealed class SignalDetector(IOptions<SignalOptions> options, IOptions<HealthOptions> health)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="previous">The signals of the previous score: a condition that still holds keeps its <see cref="HealthSignal.Since"/>.</param>
    public IReadOnlyList<HealthSignal> Detect(
        HealthAssessment assessment,
        ProfileAggregates aggregates,
        DateTimeOffset now,
        DropCheck? drop,
        ExpansionRule? expansion,
        IReadOnlyList<HealthSignal> previous)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(previous);
        var settings = options.Value;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var confident = assessment.Score is not null && assessment.Confidence >= settings.MinConfidence;
        var weakest = NextSteps.Weakest(assessment);
        var signals = new List<HealthSignal>();
        DateTimeOffset SinceOf(string condition) => previous.FirstOrDefault(p => p.Condition == condition)?.Since ?? now;

        if (drop is not null && confident)
        {
            var points = drop.From - assessment.Score!.Value;
            var days = Math.Max(1, today.DayNumber - drop.FromDay.DayNumber);
            DateTimeOffset? checkSince = null;
            if (drop.Hinge is { } hinge)
            {
                var condition = SignalKinds.DataCheck + ":" + hinge.RecordKey;
                checkSince = SinceOf(condition);
                signals.Add(new HealthSignal
                {
                    Kind = SignalKinds.DataCheck,
                    Severity = "warning",
                    Title = $"Health dropped {points} points, hinging on one record",
                    Detail = $"Without {KindName(hinge.Kind)} {hinge.RecordKey} the score would be {drop.ScoreWithoutHinge}, not {assessment.Score}. {drop.Change.Text}",
                    NextStep = NextSteps.DataCheck,
                    Condition = condition,
                    RecordKey = hinge.RecordKey,
                    Since = checkSince.Value,
                });
            }

            if (checkSince is null || now - checkSince.Value >= settings.ConfirmDropAfter)
            {
                var confirmed = checkSince is null ? string.Empty : $" The data check of {checkSince.Value.UtcDateTime.ToString("yyyy-MM-dd", Invariant)} did not clear it.";
                signals.Add(new HealthSignal
                {
                    Kind = SignalKinds.HealthDrop,
                    Severity = "critical",
                    Title = $"Health dropped {points} points in {days} {(days == 1 ? "day" : "days")} ({drop.From} to {assessment.Score})",
                    Detail = drop.Change.Text + confirmed,
                    NextStep = NextSteps.For(weakest),
                    Condition = SignalKinds.HealthDrop,
                    Since = SinceOf(SignalKinds.HealthDrop),
                });
            }
        }

        if (confident && assessment.ChurnProbability is { } probability && probability >= settings.ChurnRiskMinProbability && assessment.Arr > 0)
        {
            signals.Add(new HealthSignal
            {
                Kind = SignalKinds.ChurnRisk,
                Severity = probability >= 0.35 ? "critical" : "warning",
                Title = $"Churn risk: {Amount(assessment.RiskAmount!.Value)} {assessment.ArrCurrency} at risk",
                Detail = $"{Percent(probability)} churn probability at health {assessment.Score} ({assessment.Band}) on ARR of {Amount(assessment.Arr)} {assessment.ArrCurrency}." + Weakness(weakest),
                NextStep = NextSteps.For(weakest),
                Condition = SignalKinds.ChurnRisk,
                Amount = assessment.RiskAmount,
                Currency = assessment.ArrCurrency,
                Since = SinceOf(SignalKinds.ChurnRisk),
            });
        }

        var renewal = aggregates.Subscriptions.Values.Select(s => s.RenewsOn).Where(d => d >= today).Min();
        if (confident && renewal is { } renews && renews.DayNumber - today.DayNumber <= settings.RenewalWindowDays && assessment.Band is HealthBands.Yellow or HealthBands.Red)
        {
            var days = renews.DayNumber - today.DayNumber;
            var condition = SignalKinds.RenewalAtRisk + ":" + renews.ToString("yyyy-MM-dd", Invariant);
            signals.Add(new HealthSignal
            {
                Kind = SignalKinds.RenewalAtRisk,
                Severity = assessment.Band == HealthBands.Red ? "critical" : "warning",
                Title = $"Renewal in {days} days with {assessment.Band} health",
                Detail = $"Renews on {renews.ToString("yyyy-MM-dd", Invariant)}; health {assessment.Score} ({assessment.Band})." + Weakness(weakest),
                NextStep = "Start the renewal conversation now. " + NextSteps.For(weakest),
                Condition = condition,
                Since = SinceOf(condition),
            });
        }

        if (assessment.Arr > 0 && EverEngaged(aggregates))
        {
            var last = ActivityMetrics.LastDay(aggregates.Activity, ActivityMetrics.Touch, ActivityMetrics.Meeting, ActivityMetrics.EmailOpened, ActivityMetrics.EmailClicked);
            var days = last is { } day ? today.DayNumber - day.DayNumber : (int?)null;
            if (days is null || days >= settings.NoEngagementDays)
            {
                signals.Add(new HealthSignal
                {
                    Kind = SignalKinds.NoEngagement,
                    Severity = "warning",
                    Title = days is null ? $"No engagement in {AggregateCalculator.UsageWindowDays} days" : $"No engagement for {days} days",
                    Detail = (days is null
                        ? $"No mail, call, meeting, email open or click in the last {AggregateCalculator.UsageWindowDays} days"
                        : $"No mail, call, meeting, email open or click since {last!.Value.ToString("yyyy-MM-dd", Invariant)}")
                        + $" on a customer with ARR of {Amount(assessment.Arr)} {assessment.ArrCurrency}.",
                    NextStep = NextSteps.NoEngagement,
                    Condition = SignalKinds.NoEngagement,
                    Since = SinceOf(SignalKinds.NoEngagement),
                });
            }
        }

        var limit = aggregates.Subscriptions.Values.Sum(s => s.UsageLimit ?? 0);
        if (limit > 0)
        {
            var from = ActivityMetrics.Day(today.AddDays(-7));
            var peak = aggregates.UsageByDay.Where(d => string.CompareOrdinal(d.Key, from) > 0).Select(d => d.Value).DefaultIfEmpty(0).Max();
            if ((double)(peak / limit) >= settings.UsageLimitShare)
            {
                signals.Add(new HealthSignal
                {
                    Kind = SignalKinds.UsageNearLimit,
                    Severity = "info",
                    Title = $"Usage at {Percent((double)(peak / limit))} of the plan limit",
                    Detail = $"Peak daily usage in the last 7 days: {Amount(peak)} of {Amount(limit)} the plan allows.",
                    NextStep = NextSteps.UsageNearLimit,
                    Condition = SignalKinds.UsageNearLimit,
                    Since = SinceOf(SignalKinds.UsageNearLimit),
                });
            }
        }

        if (expansion is not null && assessment.Score is { } score && score >= health.Value.YellowFrom)
        {
            var condition = SignalKinds.Expansion + ":" + expansion.Then;
            signals.Add(new HealthSignal
            {
                Kind = SignalKinds.Expansion,
                Severity = "info",
                Title = $"Expansion: {expansion.Then}",
                Detail = $"{Percent(expansion.Confidence)} of similar accounts also hold {expansion.Then} ({expansion.Together} of {expansion.Holders} {assessment.Segment} customers holding {expansion.If}).",
                NextStep = $"Propose {expansion.Then}: similar customers who hold {expansion.If} use it too.",
                Condition = condition,
                Product = expansion.Then,
                Confidence = expansion.Confidence,
                Since = SinceOf(condition),
            });
        }

        return signals;
    }

    private static bool EverEngaged(ProfileAggregates aggregates) =>
        aggregates.Counts.GetValueOrDefault("interaction") + aggregates.Counts.GetValueOrDefault("marketingEvent") > 0;

    private static string Weakness(FactorContribution? weakest) =>
        weakest?.Metrics.OrderBy(m => m.Score).FirstOrDefault() is { } metric ? $" Weakest: {HealthFactors.Describe(weakest.Factor)} ({metric.Text})." : string.Empty;

    private static string KindName(string kind) => kind switch
    {
        "marketingEvent" => "marketing event",
        _ => kind,
    };

    private static string Percent(double share) => Math.Round(share * 100).ToString(Invariant) + "%";

    private static string Amount(decimal value) => Math.Round(value).ToString("#,0", Invariant);
}
