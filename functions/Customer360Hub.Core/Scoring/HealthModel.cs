using Customer360Hub.Profiles;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// The configurable weighted health model: each metric's value goes through its curve to a score
/// from 0 to 1, a factor is the mean of its metrics, and the health score is the weighted mean of
/// the factors that have data, times 100. Factors without data add nothing and lower the
/// confidence (the share of the segment's weight that had data), never the score.
/// </summary>
public sealed class HealthModel(IOptions<HealthOptions> options)
{
    public HealthOptions Options => options.Value;

    public HealthAssessment Evaluate(string? partyType, ProfileAggregates aggregates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        var settings = options.Value;
        var summary = AggregateSummary.Of(aggregates, now);
        var (arr, arrCurrency) = Money.ToReporting(summary.Arr, settings);
        var segments = settings.EffectiveSegments();
        var segment = segments.FirstOrDefault(s => s.Matches(partyType, arrCurrency == settings.ReportingCurrency ? arr : 0)) ?? segments[^1];

        var measured = HealthMeasures.Read(aggregates, now)
            .Select(m => new MetricReading(m.Metric, Math.Round(m.Value, 3), Math.Round(CurvePoint.Evaluate(settings.CurveOf(m.Metric), m.Value), 3), m.Text))
            .ToList();
        var readings = WithRenewalRisk(measured, segment).ToLookup(r => HealthMetrics.FactorOf[r.Metric], StringComparer.Ordinal);

        var totalWeight = HealthFactors.All.Sum(f => segment.Weights.GetValueOrDefault(f));
        var present = HealthFactors.All.Where(f => segment.Weights.GetValueOrDefault(f) > 0 && readings[f].Any()).ToList();
        var presentWeight = present.Sum(f => segment.Weights.GetValueOrDefault(f));
        var factors = new List<FactorContribution>();
        double total = 0;
        foreach (var factor in HealthFactors.All)
        {
            var weight = segment.Weights.GetValueOrDefault(factor);
            var metrics = readings[factor].ToList();
            if (!present.Contains(factor))
            {
                factors.Add(new FactorContribution { Factor = factor, Weight = weight, Missing = true, Metrics = metrics });
                continue;
            }

            var score = metrics.Average(m => m.Score);
            var max = 100.0 * weight / presentWeight;
            total += max * score;
            factors.Add(new FactorContribution
            {
                Factor = factor,
                Weight = weight,
                Score = Math.Round(score, 3),
                Points = Math.Round(max * score, 1),
                MaxPoints = Math.Round(max, 1),
                Metrics = metrics,
            });
        }

        int? health = present.Count == 0 ? null : (int)Math.Round(total, MidpointRounding.AwayFromZero);
        var probability = health is { } h ? settings.EffectiveChurnProbability().First(b => h <= b.UpTo).Probability : (double?)null;
        return new HealthAssessment
        {
            Segment = segment.Name,
            Score = health,
            Band = settings.BandOf(health),
            Confidence = totalWeight <= 0 ? 0 : Math.Round(presentWeight / totalWeight, 2),
            Factors = factors,
            Arr = arr,
            ArrCurrency = arrCurrency,
            ChurnProbability = probability,
            RiskAmount = probability is { } p ? Math.Round(arr * (decimal)p, 2) : null,
        };
    }

    /// <summary>
    /// A renewal coming closer is a risk only for a customer who is not doing well: it costs the
    /// share of points its curve withholds times the share the rest of the model withholds. A
    /// customer doing well on everything else renews with full marks; an unhappy one loses more the
    /// closer the renewal. (Alone, the date would cost every customer points once a month or year,
    /// whatever their health: noise, not news.)
    /// </summary>
    private static List<MetricReading> WithRenewalRisk(List<MetricReading> readings, SegmentOptions segment)
    {
        var index = readings.FindIndex(r => r.Metric == HealthMetrics.Renewal);
        if (index < 0)
        {
            return readings;
        }

        var rest = readings
            .Where(r => HealthMetrics.FactorOf[r.Metric] != HealthFactors.Contract)
            .GroupBy(r => HealthMetrics.FactorOf[r.Metric], StringComparer.Ordinal)
            .Select(g => (Weight: segment.Weights.GetValueOrDefault(g.Key), Score: g.Average(r => r.Score)))
            .Where(f => f.Weight > 0)
            .ToList();
        var weight = rest.Sum(f => f.Weight);
        var health = weight > 0 ? rest.Sum(f => f.Weight * f.Score) / weight : 1;
        var renewal = readings[index];
        var score = Math.Round(1 - ((1 - renewal.Score) * (1 - health)), 3);
        readings[index] = renewal with
        {
            Score = score,
            Text = score < 1 ? $"{renewal.Text} with the rest of the health at {Math.Round(100 * health).ToString(System.Globalization.CultureInfo.InvariantCulture)}" : renewal.Text,
        };
        return readings;
    }
}
