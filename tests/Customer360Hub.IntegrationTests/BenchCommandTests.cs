using System.Text.Json;
using Customer360Hub.IntegrationTests.Support;

namespace Customer360Hub.IntegrationTests;

/// <summary>The plumbing of <c>c360 bench</c> on a tiny world: every figure measured for real (how fast is for docs/benchmarks.md).</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public BenchCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Bench_TinyWorld_PrintsTheTableAndWritesEveryFigureAsJson()
    {
        var report = Path.Combine(_folder, "bench.json");

        var bench = await CliProcess.RunAsync("bench", "--customers", "30", "--rate", "40", "--freshness-seconds", "3", "--read-rate", "20", "--out", report);

        Assert.True(bench.ExitCode == 0, bench.Output + bench.Error);
        foreach (var row in new[] { "| ingest, end to end |", "| ceiling (a): parse and store only |", "| ingest / ceiling (a) |", "| freshness via the API", "| pull to commit, every change of that phase |",
            "| API GET profile while ingesting |", "| ceiling (b): static endpoint, same host, same time |", "| peak memory (working set) |", "| store size |", "| identity vs the world's truth |" })
        {
            Assert.Contains(row, bench.Output, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = json.RootElement;
        double Number(params string[] path) => path.Aggregate(root, (e, p) => e.GetProperty(p)).GetDouble();
        Assert.Equal(30, Number("customers"));
        Assert.True(Number("ingest", "changes") > 100, "a world of 30 customers holds hundreds of changes");
        Assert.All(
            new[] { Number("ingest", "changesPerSecond"), Number("ingest", "cpuMillisecondsPerChange"), Number("storeOnlyCeiling", "changesPerSecond"), Number("ratios", "ingestToCeiling"),
                Number("api", "p50Milliseconds"), Number("api", "p99Milliseconds"), Number("staticEndpoint", "p50Milliseconds"), Number("freshness", "pulledChangesPerSecond"),
                Number("freshness", "apiProbes"), Number("freshness", "apiP50Milliseconds"), Number("freshness", "committed"), Number("freshness", "commitP99Milliseconds"),
                Number("peakWorkingSetBytes"), Number("store", "profiles"), Number("store", "bytesPerProfile") },
            figure => Assert.True(figure > 0 && double.IsFinite(figure), $"a figure is {figure}:\n{bench.Output}"));
        Assert.InRange(Number("identity", "f1"), 0.5, 1.0);
        Assert.Equal(0, Number("api", "errors"));
        Assert.True(Number("machine", "cores") >= 1);
    }

    [Fact]
    public async Task Bench_NoCustomers_FailsWithUsage()
    {
        var bench = await CliProcess.RunAsync("bench", "--customers", "0");

        Assert.Equal(1, bench.ExitCode);
        Assert.Contains("--customers", bench.Error, StringComparison.Ordinal);
    }
}
