namespace Customer360Hub.Scoring;

/// <summary>
/// What one factor adds to the health score. <see cref="Points"/> of all factors sum to the
/// score; <see cref="MaxPoints"/> is what the factor would add at its best. A factor without data
/// is <see cref="Missing"/>: it adds nothing and lowers the confidence instead.
/// </summary>
public sealed record FactorContribution
{
    public required string Factor { get; init; }

    /// <summary>The factor's configured weight in the profile's segment.</summary>
    public double Weight { get; init; }

    /// <summary>The factor's score from 0 to 1: the mean of its metrics' scores; null when missing.</summary>
    public double? Score { get; init; }

    public double Points { get; init; }

    public double MaxPoints { get; init; }

    public bool Missing { get; init; }

    public List<MetricReading> Metrics { get; init; } = [];
}
