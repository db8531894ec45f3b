using System.Globalization;

namespace Customer360Hub.Scoring;

/// <summary>
/// Says in words how a score moved since a snapshot: the points, then the factors that moved it
/// most, each told by the metric whose score moved most ("Dropped 15 points: support tickets
/// tripled this month (9 in the last 30 days against 3 in a usual month).").
/// </summary>
public static class ChangeExplainer
{
    /// <summary>Factors moving less than this many points are not named as reasons (unless nothing else moved).</summary>
    private const double MinReasonPoints = 1.5;

    private const int MaxReasons = 2;

    public static ScoreChange? Explain(HealthAssessment now, HealthSnapshot? since)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (since?.Score is not { } from || now.Score is not { } to)
        {
            return null;
        }

        var delta = to - from;
        if (delta == 0)
        {
            return new ScoreChange(since.Day, from, to, 0, $"Unchanged since {Day(since.Day)}.");
        }

        var sign = Math.Sign(delta);
        var moves = now.Factors
            .Select(f => (Factor: f, Delta: f.Points - since.Factors.GetValueOrDefault(f.Factor)))
            .Where(m => Math.Sign(m.Delta) == sign)
            .OrderByDescending(m => Math.Abs(m.Delta))
            .ToList();
        var named = moves.Where(m => Math.Abs(m.Delta) >= MinReasonPoints).Take(MaxReasons).ToList();
        if (named.Count == 0)
        {
            named = moves.Take(1).ToList();
        }

        var reasons = named.Select(m => Reason(m.Factor, since, sign)).ToList();
        var points = Math.Abs(delta) == 1 ? "1 point" : $"{Math.Abs(delta)} points";
        var text = (delta < 0 ? "Dropped " : "Rose ") + points + (reasons.Count == 0 ? "." : ": " + string.Join("; ", reasons) + ".");
        return new ScoreChange(since.Day, from, to, delta, text);
    }

    private static string Reason(FactorContribution factor, HealthSnapshot since, int sign)
    {
        if (factor.Missing)
        {
            return $"no {HealthFactors.Describe(factor.Factor)} data any more";
        }

        var known = since.Factors.ContainsKey(factor.Factor);
        var metric = factor.Metrics
            .OrderByDescending(m => sign * (m.Score - (known ? since.Metrics.GetValueOrDefault(m.Metric, m.Score) : sign < 0 ? 1 : 0)))
            .First();
        return metric.Text;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
