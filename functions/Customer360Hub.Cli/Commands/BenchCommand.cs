using System.CommandLine;
using Customer360Hub.Cli.Benchmarks;

namespace Customer360Hub.Cli.Commands;

/// <summary>
/// <c>c360 bench</c>: the end-to-end pipeline benchmark over a generated sample world;
/// <c>c360 bench api</c>: the API read benchmark (needs <c>wrk</c>). Neither is part of the tests;
/// results go to docs/benchmarks.md.
/// </summary>
internal static class BenchCommand
{
    private static readonly Option<int> CustomersOption = new("--customers") { Description = "True customers in the generated sample world (10000, 100000, 1000000).", DefaultValueFactory = _ => 10_000 };
    private static readonly Option<int> RateOption = new("--rate") { Description = "Source changes per second offered in the freshness phase.", DefaultValueFactory = _ => 2_000 };
    private static readonly Option<int> FreshnessSecondsOption = new("--freshness-seconds") { Description = "How long the world changes at that rate.", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> ReadersOption = new("--readers") { Description = "Concurrent API callers while ingesting.", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> ReadRateOption = new("--read-rate") { Description = "Profile reads per second they make together (each followed by a read of the static endpoint).", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> WorkersOption = new("--workers") { Description = "Resolver and scorer consumers per subscription.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> OutOption = new("--out") { Description = "The JSON report (default bench-<customers>.json in the current folder)." };
    private static readonly Option<int> TimeoutOption = new("--timeout-minutes") { Description = "Longest wait for the hub to take in the world.", DefaultValueFactory = _ => 360 };

    private static readonly Option<int> ProfilesOption = new("--profiles") { Description = "Profiles to seed.", DefaultValueFactory = _ => 100_000 };
    private static readonly Option<int> DurationOption = new("--duration") { Description = "Seconds per measured run.", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> WarmupOption = new("--warmup") { Description = "Seconds of warm-up per endpoint.", DefaultValueFactory = _ => 15 };
    private static readonly Option<int> ConnectionsOption = new("--connections") { Description = "Concurrent wrk connections.", DefaultValueFactory = _ => 32 };

    public static Command Create()
    {
        var bench = new Command(
            "bench",
            "Generates the sample world at a size and runs the whole hub on the embedded ports (sandbox, connectors, bus, resolver, scorer, store, API): ingest throughput, freshness at a set rate, "
            + "API latency while ingesting, peak memory, store size per profile, identity F1; then the ceilings (parse and store only; a static endpoint) and the ratios. Prints a table and writes JSON.");
        foreach (var option in new Option[] { CustomersOption, RateOption, FreshnessSecondsOption, ReadersOption, ReadRateOption, WorkersOption, OutOption, TimeoutOption })
        {
            bench.Options.Add(option);
        }

        bench.SetAction(async (result, cancellationToken) =>
        {
            var customers = result.GetValue(CustomersOption);
            var error = result.InvocationConfiguration.Error;
            if (customers < 1 || result.GetValue(RateOption) < 1 || result.GetValue(FreshnessSecondsOption) < 1 || result.GetValue(ReadersOption) < 1 || result.GetValue(ReadRateOption) < 1 || result.GetValue(WorkersOption) is < 1 or > 64)
            {
                await error.WriteLineAsync("c360 bench: --customers, --rate, --freshness-seconds, --readers and --read-rate must be at least 1, --workers 1 to 64.").ConfigureAwait(false);
                return 1;
            }

            var options = new PipelineBenchmarkOptions(
                customers,
                result.GetValue(RateOption),
                TimeSpan.FromSeconds(result.GetValue(FreshnessSecondsOption)),
                result.GetValue(ReadersOption),
                result.GetValue(ReadRateOption),
                result.GetValue(WorkersOption),
                result.GetValue(OutOption) ?? $"bench-{customers}.json",
                TimeSpan.FromMinutes(result.GetValue(TimeoutOption)),
                result.Tokens.Select(t => t.Value).ToList());
            return await new PipelineBenchmark(options, result.InvocationConfiguration.Output).RunAsync(cancellationToken).ConfigureAwait(false);
        });

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
        bench.Subcommands.Add(api);
        return bench;
    }
}
