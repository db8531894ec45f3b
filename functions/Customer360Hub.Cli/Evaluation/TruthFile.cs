using System.Text.RegularExpressions;
using Customer360Hub.Cli.Batch;

namespace Customer360Hub.Cli.Evaluation;

/// <summary>
/// Reads ground truth from a CSV: the record id column, and the entity either from a column or
/// from the record id with a regular expression whose first group is the entity
/// (<c>rec-(\d+)-</c> for Febrl). With a source column, records are keyed by source and id.
/// </summary>
internal static class TruthFile
{
    public static Dictionary<string, string> Read(string path, string idColumn, string? entityColumn, string? entityPattern, string? sourceColumn)
    {
        if ((entityColumn is null) == (entityPattern is null))
        {
            throw new FormatException("Give exactly one of --entity-column and --entity-pattern.");
        }

        var pattern = entityPattern is null ? null : new Regex(entityPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (pattern is not null && pattern.GetGroupNumbers().Length < 2)
        {
            throw new FormatException($"--entity-pattern '{entityPattern}' needs a group, e.g. rec-(\\d+)-.");
        }

        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        TextReader text;
        try
        {
            text = new StreamReader(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableInputException($"Cannot read '{path}': {ex.Message}", ex);
        }

        using var csv = new CsvRecordReader(text, path);
        var header = csv.Read()?.Select(h => h.Trim()).ToList() ?? throw new UnreadableInputException($"'{path}' is empty: a header row is required.");
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new UnreadableInputException($"'{path}' has no column '{name}'. Its columns are: {string.Join(", ", header)}.");
        var id = Column(idColumn);
        var entity = entityColumn is null ? -1 : Column(entityColumn);
        var source = sourceColumn is null ? -1 : Column(sourceColumn);
        while (csv.Read() is { } fields)
        {
            string Field(int index) => index < fields.Count ? fields[index].Trim() : string.Empty;
            var recordId = Field(id);
            var label = entity >= 0 ? Field(entity) : pattern!.Match(recordId) is { Success: true } m ? m.Groups[1].Value : null;
            if (string.IsNullOrEmpty(label))
            {
                throw new UnreadableInputException($"'{path}' line {csv.RecordLine}: no entity for record '{recordId}'.");
            }

            truth[Key(source >= 0 ? Field(source) : null, recordId)] = label;
        }

        return truth;
    }

    public static string Key(string? source, string recordId) => source is null ? recordId : source + "\n" + recordId;
}
