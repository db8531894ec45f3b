using System.CommandLine;
using System.Globalization;
using Customer360Hub.Cli.Batch;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 resolve</c>: resolve party CSV files into profiles with the hub's identity engine.</summary>
internal static class ResolveCommand
{
    private static readonly Option<string[]> SourceOption = new("--source")
    {
        Description = "NAME=FILE.csv: a source of party records (repeatable). Columns named like the canonical party fields are read.",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        Description = "Where to write the clusters: CSV with source,record_id,profile_id, one row per input record.",
        Required = true,
    };

    private static readonly Option<string?> ExplainOption = new("--explain")
    {
        Description = "Also write every relation found (link, possible match, household) with its evidence as JSON lines.",
    };

    private static readonly Option<string[]> MapOption = new("--map")
    {
        Description = "column=field or column+column=field: read a canonical field from other columns (joined with a space). Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> CountryOption = new("--default-country")
    {
        Description = "Country for records without one (phone numbers, date order), e.g. US or AU.",
    };

    private static readonly Option<double?> LinkThresholdOption = new("--link-threshold")
    {
        Description = "Score (log2 odds) at or above which two records link (default 2).",
    };

    private static readonly Option<double?> ReviewThresholdOption = new("--review-threshold")
    {
        Description = "Score at or above which a pair is a possible match for review (default -4).",
    };

    private static readonly Option<int?> MaxBlockOption = new("--max-block-size")
    {
        Description = "Blocking keys shared by more records than this find no candidates (default 100).",
    };

    private static readonly Option<string?> ModelOption = new("--model")
    {
        Description = "Use a saved match model instead of estimating one from the input.",
    };

    private static readonly Option<string?> SaveModelOption = new("--save-model")
    {
        Description = "Save the match model used (JSON), for the hub's Identity:ModelFile or a later --model.",
    };

    private static readonly Option<bool> NoTrainOption = new("--no-train")
    {
        Description = "Use the built-in default parameters instead of estimating them from the input.",
    };

    public static Command Create()
    {
        var command = new Command("resolve", "Resolve party records from CSV files into profiles with the identity engine, and write which profile each record belongs to.")
        {
            SourceOption, OutOption, ExplainOption, MapOption, CountryOption, LinkThresholdOption, ReviewThresholdOption, MaxBlockOption, ModelOption, SaveModelOption, NoTrainOption,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        BatchOptions options;
        try
        {
            options = new BatchOptions
            {
                Sources = result.GetValue(SourceOption)!.Select(ParseSource).ToList(),
                OutputPath = result.GetValue(OutOption)!,
                ExplainPath = result.GetValue(ExplainOption),
                Mapping = ColumnMapping.Parse(result.GetValue(MapOption) ?? []),
                DefaultCountry = result.GetValue(CountryOption),
                LinkThreshold = result.GetValue(LinkThresholdOption),
                ReviewThreshold = result.GetValue(ReviewThresholdOption),
                MaxBlockSize = result.GetValue(MaxBlockOption),
                ModelPath = result.GetValue(ModelOption),
                SaveModelPath = result.GetValue(SaveModelOption),
                Train = !result.GetValue(NoTrainOption),
            };
            if (options.Sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != options.Sources.Count)
            {
                throw new FormatException("Each --source needs its own NAME.");
            }
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync("c360 resolve: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        try
        {
            var summary = await new BatchResolver(options, error, TimeProvider.System).RunAsync(cancellationToken).ConfigureAwait(false);
            var stages = string.Join(", ", summary.Stages.Select(s => s.Name + " " + BatchResolver.Describe(s)));
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"resolve: {summary.Records} records -> {summary.Profiles} profiles in {summary.Wall.TotalSeconds:0.0} s, CPU {summary.Cpu.TotalSeconds:0.0} s ({stages}); peak memory {summary.PeakMemoryBytes / (1024 * 1024)} MiB, GC pauses {summary.GcPause.TotalSeconds:0.0} s")).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is UnreadableInputException or InvalidDataException)
        {
            await error.WriteLineAsync("c360 resolve: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync("c360 resolve: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static (string Name, string Path) ParseSource(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new FormatException($"--source '{value}' is not NAME=FILE.csv.");
        }

        var name = value[..equals].Trim();
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"--source '{value}': the name may not contain '/'.");
        }

        return (name, value[(equals + 1)..]);
    }
}
