using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Customer360Hub.Sandbox.Export;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 sandbox export</c>: writes a synthetic world and its ground truth as CSV files.</summary>
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

        var sandbox = new Command("sandbox", "The synthetic world the sample source systems serve.");
        sandbox.Subcommands.Add(export);
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
}
