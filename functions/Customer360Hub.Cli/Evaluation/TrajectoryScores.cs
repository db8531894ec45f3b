using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Cli.Evaluation;

/// <summary>How the customers of one trajectory scored.</summary>
internal sealed record TrajectoryScores(Trajectory Trajectory, int Customers, IReadOnlyList<int> Scores, IReadOnlyDictionary<string, int> Bands)
{
    public double? Mean => Scores.Count == 0 ? null : Scores.Average();

    public double? Median => Scores.Count == 0 ? null : Scores.Order().ElementAt(Scores.Count / 2);
}
