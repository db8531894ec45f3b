using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Customer360Hub.Cli.Evaluation;
using Customer360Hub.Sandbox.Export;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Cli.Commands;

/// <summary>
/// <c>c360 sandbox export</c>: writes a synthetic world and its ground truth as CSV files.
/// <c>c360 sandbox health</c>: judges the health score on the world's trajectories and measures its freshness.
/// </summary>
internal static class SandboxCommand
{
    private static readonly Option<int> CustomersOption = new("--customers")
    {
        Description = "True customers (people and organisations) in the world.",
        DefaultValueFactory = _ => 1000,
    };

    private static readonly Option<int> SeedOption = new("--seed")
    {
        Description = "The same seed always writes the same world.",
        DefaultValueFactory = _ => 360,
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        Description = "The folder to write to (created if missing).",
        Required = true,
    };

    private static readonly Option<string?> WorkOption = new("--out")
    {
        Description = "The folder for the hub's data, the usage export and the ground truth (default: a new temporary folder).",
    };

    private static readonly Option<int> TicksOption = new("--ticks")
    {
        Description = "Ticks of world change after the load, for the freshness under load (0: none).",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<double> TickSecondsOption = new("--tick-seconds")
    {
        Description = "Real seconds between ticks.",
        DefaultValueFactory = _ => 1.0,
    };

    private static readonly Option<double> ChangeRateOption = new("--change-rate")
    {
        Description = "Changes per tick as a share of the customers (at least three a tick).",
        DefaultValueFactory = _ => 0.01,
    };

    private static readonly Option<int> TimeoutOption = new("--timeout-minutes")
    {
        Description = "Give up when the hub has not caught up after this long.",
        DefaultValueFactory = _ => 60,
    };

    public static Command Create()
    {
        var export = new Command("export", "Write the world's party records per source (canonical CSV columns), the ground truth and the true customers.");
        export.Options.Add(CustomersOption);
        export.Options.Add(SeedOption);
        export.Options.Add(OutOption);
        export.Validators.Add(result =>
        {
            if (result.GetValue(CustomersOption) is < 1 or > 10_000_000)
            {
                result.AddError("--customers must be between 1 and 10000000.");
            }
        });
        export.SetAction(ExportAsync);

        var health = new Command("health", "Run the local hub on the world, judge the health score against the customers' trajectories (ROC AUC) and measure freshness under load.");
        health.Options.Add(CustomersOption);
        health.Options.Add(SeedOption);
        health.Options.Add(WorkOption);
        health.Options.Add(TicksOption);
        health.Options.Add(TickSecondsOption);
        health.Options.Add(ChangeRateOption);
        health.Options.Add(TimeoutOption);
        health.Validators.Add(result =>
        {
            if (result.GetResult(CustomersOption) is not null && result.GetValue(CustomersOption) is < 10 or > 1_000_000)
            {
                result.AddError("--customers must be between 10 and 1000000.");
            }

            if (result.GetResult(TicksOption) is not null && result.GetValue(TicksOption) < 0)
            {
                result.AddError("--ticks must be 0 or more.");
            }

            if (result.GetResult(TickSecondsOption) is not null && result.GetValue(TickSecondsOption) is < 0 or > 3600)
            {
                result.AddError("--tick-seconds must be between 0 and 3600.");
            }

            if (result.GetResult(ChangeRateOption) is not null && result.GetValue(ChangeRateOption) is < 0 or > 1)
            {
                result.AddError("--change-rate must be between 0 and 1.");
            }

            if (result.GetResult(TimeoutOption) is not null && result.GetValue(TimeoutOption) < 1)
            {
                result.AddError("--timeout-minutes must be at least 1.");
            }
        });
        health.SetAction(HealthAsync);

        var sandbox = new Command("sandbox", "The synthetic world the sample source systems serve.");
        sandbox.Subcommands.Add(export);
        sandbox.Subcommands.Add(health);
        return sandbox;
    }

    private static async Task<int> ExportAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var folder = Path.GetFullPath(result.GetValue(OutOption)!);
        var world = new SyntheticWorld(new WorldOptions { Customers = result.GetValue(CustomersOption), Seed = result.GetValue(SeedOption) });
        var clock = Stopwatch.StartNew();
        var progress = new ProgressLine(output, world.UnitCount);
        var census = await WorldExporter.ExportAsync(world, folder, progress, cancellationToken).ConfigureAwait(false);
        progress.Finish();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {census.Customers} customers ({census.People} people, {census.Organizations} organisations) and {census.Records.Values.Sum()} party records to {folder} in {clock.Elapsed.TotalSeconds:F1}s.")).ConfigureAwait(false);
        foreach (var (source, count) in census.Records)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {source + ".csv",-22}{count,10} records")).ConfigureAwait(false);
        }

        await output.WriteLineAsync("  truth.csv             (source, record_id) -> customer_id, with each record's noise and traps").ConfigureAwait(false);
        await output.WriteLineAsync("  customers.csv         the true customers").ConfigureAwait(false);
        await output.WriteLineAsync("  manifest.json         seed, size and the census of noise and traps").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> HealthAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(result.GetValue(WorkOption) ?? Path.Combine(Path.GetTempPath(), "c360-health-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(folder);
        var options = new HealthBenchmarkOptions(
            result.GetValue(CustomersOption),
            result.GetValue(SeedOption),
            folder,
            result.GetValue(TicksOption),
            TimeSpan.FromSeconds(result.GetValue(TickSecondsOption)),
            result.GetValue(ChangeRateOption),
            TimeSpan.FromMinutes(result.GetValue(TimeoutOption)));
        await new HealthBenchmark(result.InvocationConfiguration.Output, TimeProvider.System).RunAsync(options, cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
