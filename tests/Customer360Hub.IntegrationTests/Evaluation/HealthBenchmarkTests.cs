using Customer360Hub.Cli.Evaluation;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.IntegrationTests.Evaluation;

public sealed class HealthBenchmarkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-tests", "health-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_SmallWorld_ScoresItsCustomersThroughTheWholeHubAndMeasuresFreshness()
    {
        using var output = new StringWriter();

        var result = await new HealthBenchmark(output, TimeProvider.System).RunAsync(new HealthBenchmarkOptions(
            Customers: 60, Seed: 11, Folder: _folder, Ticks: 3, TickEvery: TimeSpan.FromMilliseconds(500), ChangeRate: 0.05, Timeout: TimeSpan.FromMinutes(3)));

        var scored = result.ByTrajectory.Values.Sum(t => t.Customers);
        Assert.True(scored >= result.Customers / 2, output.ToString());
        Assert.Equal(result.Customers, scored + result.Unknown + result.Unresolved + result.Unscored);
        Assert.True(result.ByTrajectory[Trajectory.Healthy].Mean > result.ByTrajectory[Trajectory.AtRisk].Mean, output.ToString());
        Assert.True(result.RecordsPulled > 500);
        Assert.NotNull(result.BackfillFreshness);
        Assert.InRange(result.ChurnRateByScore.Sum(b => b.Customers), scored, scored);
        Assert.True(File.Exists(Path.Combine(_folder, "usage", "usage.csv")));
        Assert.True(File.ReadLines(Path.Combine(_folder, "trajectories.csv")).Count() > result.Customers);
        Assert.Equal(scored + 1, File.ReadLines(Path.Combine(_folder, "scores.csv")).Count());
        Assert.Contains("ROC AUC, churning vs healthy", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(result.ByReading, r => r.Reading == "factor:usage" && r.Churning + r.Healthy > 0);
        Assert.Contains("Per factor and metric", output.ToString(), StringComparison.Ordinal);
    }
}
