using System.CommandLine;
using System.Globalization;
using Customer360Hub.Cli.Batch;
using Customer360Hub.Cli.Evaluation;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 evaluate</c>: pairwise precision, recall and F1 of a clusters file against ground truth.</summary>
internal static class EvaluateCommand
{
    private static readonly Option<string> ClustersOption = new("--clusters") { Description = "The clusters CSV written by c360 resolve.", Required = true };
    private static readonly Option<string> TruthOption = new("--truth") { Description = "CSV with the true entity of each record.", Required = true };
    private static readonly Option<string> IdOption = new("--id-column") { Description = "The truth file's record id column (default record_id).", DefaultValueFactory = _ => "record_id" };
    private static readonly Option<string?> EntityColumnOption = new("--entity-column") { Description = "The truth file's column naming each record's entity." };
    private static readonly Option<string?> EntityPatternOption = new("--entity-pattern") { Description = "A regular expression whose first group takes the entity out of the record id, e.g. rec-(\\d+)-." };
    private static readonly Option<string?> SourceColumnOption = new("--source-column") { Description = "The truth file's source column, when record ids repeat across sources." };

    public static Command Create()
    {
        var command = new Command("evaluate", "Score a clusters file against ground truth: pairwise precision, recall and F1.")
        {
            ClustersOption, TruthOption, IdOption, EntityColumnOption, EntityPatternOption, SourceColumnOption,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var bySource = result.GetValue(SourceColumnOption) is not null;
            var truth = TruthFile.Read(result.GetValue(TruthOption)!, result.GetValue(IdOption)!, result.GetValue(EntityColumnOption), result.GetValue(EntityPatternOption), result.GetValue(SourceColumnOption));
            var labels = new List<(string, string)>();
            var unknown = 0;
            var clustersPath = result.GetValue(ClustersOption)!;
            using (var csv = new CsvRecordReader(new StreamReader(clustersPath), clustersPath))
            {
                var header = csv.Read() ?? [];
                if (!header.SequenceEqual(["source", "record_id", "profile_id"]))
                {
                    throw new UnreadableInputException($"'{clustersPath}' is not a clusters file: its header must be source,record_id,profile_id.");
                }

                while (csv.Read() is { Count: 3 } fields)
                {
                    if (truth.Remove(TruthFile.Key(bySource ? fields[0] : null, fields[1]), out var entity))
                    {
                        labels.Add((fields[2], entity));
                    }
                    else
                    {
                        unknown++;
                    }
                }
            }

            var score = PairwiseScore.Of(labels);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"records {score.Records}  true pairs {score.TruePairs}  predicted pairs {score.PredictedPairs}  correct pairs {score.CorrectPairs}")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"precision {score.Precision:0.0000}  recall {score.Recall:0.0000}  F1 {score.F1:0.0000}")).ConfigureAwait(false);
            if (unknown > 0 || truth.Count > 0)
            {
                await error.WriteLineAsync($"evaluate: {unknown} clustered records are not in the truth file and {truth.Count} truth records are not in the clusters file; they are left out.").ConfigureAwait(false);
            }

            return 0;
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync("c360 evaluate: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex) when (ex is UnreadableInputException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("c360 evaluate: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
