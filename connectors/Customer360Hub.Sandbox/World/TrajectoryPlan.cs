namespace Customer360Hub.Sandbox.World;

/// <summary>
/// How a unit's trajectory shows in its last 90 days, channel by channel. Each severity is 0 (no
/// trouble) to 1. A unit in trouble shows it on each channel only with some probability, some
/// show it on none (silent churn), and a healthy unit has an odd bad channel too, so no single
/// signal gives the trajectory away.
/// </summary>
internal sealed record TrajectoryPlan
{
    private const ulong PlanStream = 41;

    /// <summary>How likely a channel of a unit at risk or churning shows the trouble.</summary>
    private const double TroubleShows = 0.65;

    /// <summary>How likely a channel of a healthy or expanding unit has a bad spell anyway.</summary>
    private const double NoiseShows = 0.12;

    public required Trajectory Trajectory { get; init; }

    /// <summary>Share of usage lost over the last eight weeks.</summary>
    public double UsageDrop { get; init; }

    /// <summary>Extra tickets in the last 30 days, with escalations, open ones and bad ratings.</summary>
    public double SupportLoad { get; init; }

    /// <summary>Recent invoices left open with failed charges.</summary>
    public double PaymentTrouble { get; init; }

    /// <summary>Emails no longer opened, no touch with the account team for two months.</summary>
    public double Disengagement { get; init; }

    /// <summary>Monthly usage growth (expanding units grow 15 to 45% a month).</summary>
    public double Growth { get; init; }

    /// <summary>Weekly usage at the start of the recent window.</summary>
    public double UsageLevel { get; init; }

    /// <summary>Whether the unit's product usage is tracked at all (missing data lowers a score's confidence).</summary>
    public bool UsageTracked { get; init; }

    public static TrajectoryPlan Of(int seed, int unit)
    {
        var random = WorldRandom.For(seed, PlanStream, unit);
        var trajectory = random.NextDouble() switch
        {
            < 0.55 => Trajectory.Healthy,
            < 0.70 => Trajectory.AtRisk,
            < 0.85 => Trajectory.Churning,
            _ => Trajectory.Expanding,
        };
        // Some customers leave, or wobble, for reasons no system records (a budget cut, an
        // acquisition, a champion who left): their data looks like a healthy customer's.
        var silent = random.Chance(trajectory switch { Trajectory.Churning => 0.2, Trajectory.AtRisk => 0.3, _ => 0 });
        var troubled = !silent && trajectory is Trajectory.AtRisk or Trajectory.Churning;
        var severity = trajectory == Trajectory.Churning ? 0.55 + (0.45 * random.NextDouble()) : 0.3 + (0.35 * random.NextDouble());
        double Channel(ref WorldRandom r) =>
            troubled
                ? r.Chance(TroubleShows) ? severity : 0
                : r.Chance(NoiseShows) ? 0.2 + (0.4 * r.NextDouble()) : 0;

        return new TrajectoryPlan
        {
            Trajectory = trajectory,
            UsageDrop = Channel(ref random),
            SupportLoad = Channel(ref random),
            PaymentTrouble = Channel(ref random),
            Disengagement = Channel(ref random),
            Growth = trajectory == Trajectory.Expanding ? 0.15 + (0.3 * random.NextDouble()) : -0.04 + (0.1 * random.NextDouble()),
            UsageLevel = 20 * Math.Pow(25, random.NextDouble()),
            UsageTracked = random.Chance(0.85),
        };
    }
}
