using System.Text.Json;
using Customer360Hub.Json;

namespace Customer360Hub.Matching;

/// <summary>Reads and writes a <see cref="MatchModel"/> as JSON, so a model estimated on one run can be used by the hub.</summary>
public static class MatchModelFile
{
    public static async Task SaveAsync(MatchModel model, string path, CancellationToken cancellationToken = default)
    {
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, model, CoreJsonContext.Default.MatchModel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads a model; throws <see cref="InvalidDataException"/> with the reason when the file is not a complete model.</summary>
    public static MatchModel Load(string path)
    {
        MatchModel? model;
        try
        {
            using var stream = File.OpenRead(path);
            model = JsonSerializer.Deserialize(stream, CoreJsonContext.Default.MatchModel);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The match model '{path}' is not valid JSON: {ex.Message}", ex);
        }

        if (model is null || MatchField.All.Any(f => !model.Fields.TryGetValue(f.Name, out var field) || field.M.Length != f.Levels.Count || field.U.Length != f.Levels.Count))
        {
            throw new InvalidDataException($"The match model '{path}' does not have m and u probabilities for every level of every field.");
        }

        return model;
    }
}
