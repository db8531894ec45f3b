namespace Customer360Hub.Scoring;

/// <summary>The health model's verdict on a profile at a moment.</summary>
public sealed record HealthAssessment
{
    public required string Segment { get; init; }

    /// <summary>0 to 100; null when no factor had data.</summary>
    public int? Score { get; init; }

    public required string Band { get; init; }

    /// <summary>Share of the segment's factor weight that had data, 0 to 1.</summary>
    public double Confidence { get; init; }

    public required List<FactorContribution> Factors { get; init; }

    /// <summary>Annual recurring revenue in <see cref="ArrCurrency"/> (the reporting currency when convertible).</summary>
    public decimal Arr { get; init; }

    public required string ArrCurrency { get; init; }

    /// <summary>From the configured mapping of score to churn probability; null without a score.</summary>
    public double? ChurnProbability { get; init; }

    /// <summary>ARR × churn probability.</summary>
    public decimal? RiskAmount { get; init; }

    public MetricReading? Reading(string metric) =>
        Factors.SelectMany(f => f.Metrics).FirstOrDefault(m => m.Metric == metric);

    public FactorContribution Factor(string factor) => Factors.First(f => f.Factor == factor);
}
