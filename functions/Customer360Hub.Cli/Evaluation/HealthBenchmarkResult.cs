using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Cli.Evaluation;

/// <summary>What <see cref="HealthBenchmark"/> measured.</summary>
internal sealed record HealthBenchmarkResult
{
    /// <summary>Scored customers of the world (organisations, consumers, household members).</summary>
    public required int Customers { get; init; }

    /// <summary>Customers no source system knows (no record to find their profile by).</summary>
    public required int Unknown { get; init; }

    /// <summary>Customers whose record found no profile.</summary>
    public required int Unresolved { get; init; }

    /// <summary>Customers with a profile but no score (no factor had data).</summary>
    public required int Unscored { get; init; }

    public required IReadOnlyDictionary<Trajectory, TrajectoryScores> ByTrajectory { get; init; }

    /// <summary>ROC AUC of a low score for churning against healthy customers.</summary>
    public required double ChurningVsHealthy { get; init; }

    /// <summary>
    /// The same AUC for the trouble the world planted (summed over its channels): what a reader of
    /// every planted signal would reach. Below 1 because some customers churn silently and healthy
    /// ones have bad spells.
    /// </summary>
    public required double PlantedCeiling { get; init; }

    /// <summary>The same for the planted trouble on the factors each profile has data for: what reached the profiles.</summary>
    public required double SeenCeiling { get; init; }

    public required double AtRiskVsHealthy { get; init; }

    /// <summary>Churning and at-risk against healthy and expanding.</summary>
    public required double TroubledVsRest { get; init; }

    /// <summary>Per score range (the default churn-probability bands): customers, and the share of them churning.</summary>
    public required IReadOnlyList<(string Range, int Customers, double Churning)> ChurnRateByScore { get; init; }

    /// <summary>Per factor (<c>factor:usage</c>, ...) and metric: churning and healthy customers with a reading, and the AUC of a low reading among them.</summary>
    public required IReadOnlyList<(string Reading, int Churning, int Healthy, double Auc)> ByReading { get; init; }

    public required long RecordsPulled { get; init; }

    public required TimeSpan LoadTime { get; init; }

    /// <summary>Pull to new score while the whole history was loaded (every change waits behind the backlog).</summary>
    public LatencyStats? BackfillFreshness { get; init; }

    /// <summary>Pull to new score under the steady load of the ticks.</summary>
    public LatencyStats? SteadyFreshness { get; init; }

    /// <summary>World changes applied per second during the ticks.</summary>
    public double SteadyChangesPerSecond { get; init; }
}
