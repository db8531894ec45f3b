namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Where a unit's customers are heading as the world's history ends: the ground truth a health
/// score is judged against. Trouble shows in the last 90 days before the epoch.
/// </summary>
public enum Trajectory
{
    /// <summary>Steady usage, few tickets, bills paid, in touch.</summary>
    Healthy,

    /// <summary>Some trouble: usage slipping, more tickets, a failed payment or going quiet, on some channels.</summary>
    AtRisk,

    /// <summary>About to leave: usage collapsing, tickets piling up, payments failing, engagement gone, on most channels.</summary>
    Churning,

    /// <summary>Healthy and growing: usage rising month on month.</summary>
    Expanding,
}
