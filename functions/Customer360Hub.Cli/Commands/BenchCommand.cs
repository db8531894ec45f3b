using System.CommandLine;
using Customer360Hub.Cli.Benchmarks;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 bench api</c>: the API read benchmark (needs <c>wrk</c>; not part of the tests).</summary>
internal static class BenchCommand
{
    private static readonly Option<int> ProfilesOption = new("--profiles") { Description = "Profiles to seed.", DefaultValueFactory = _ => 100_000 };
    private static readonly Option<int> DurationOption = new("--duration") { Description = "Seconds per measured run.", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> WarmupOption = new("--warmup") { Description = "Seconds of warm-up per endpoint.", DefaultValueFactory = _ => 15 };
    private static readonly Option<int> ConnectionsOption = new("--connections") { Description = "Concurrent wrk connections.", DefaultValueFactory = _ => 32 };

    public static Command Create()
    {
        var api = new Command("api", "GET profile throughput and latency with wrk on loopback, next to a static JSON endpoint of the same size (the ceiling).");
        api.Options.Add(ProfilesOption);
        api.Options.Add(DurationOption);
        api.Options.Add(WarmupOption);
        api.Options.Add(ConnectionsOption);
        api.SetAction((result, cancellationToken) => new ApiBenchmark(
            result.GetValue(ProfilesOption),
            TimeSpan.FromSeconds(result.GetValue(DurationOption)),
            TimeSpan.FromSeconds(result.GetValue(WarmupOption)),
            result.GetValue(ConnectionsOption),
            result.InvocationConfiguration.Output).RunAsync(cancellationToken));
        var bench = new Command("bench", "Benchmarks (results go to docs/benchmarks.md).");
        bench.Subcommands.Add(api);
        return bench;
    }
}
