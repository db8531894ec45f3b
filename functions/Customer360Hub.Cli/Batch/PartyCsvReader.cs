using System.Globalization;
using Customer360Hub.Changes;

namespace Customer360Hub.Cli.Batch;

/// <summary>
/// Reads a party CSV: a header row, then one record per row. Fields are trimmed (so a ", "
/// separator works), empty values are left out, and the record id comes from the record_id
/// column (or its mapping) or else from the row number.
/// </summary>
internal static class PartyCsvReader
{
    public static IEnumerable<PartyRow> Read(string source, string path, ColumnMapping mapping)
    {
        TextReader text;
        try
        {
            text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UnreadableInputException($"Cannot open '{path}' (source {source}): {ex.Message}", ex);
        }

        using var csv = new CsvRecordReader(text, path);
        var header = csv.Read()?.Select(h => h.Trim()).ToArray();
        if (header is not { Length: > 0 } || header.All(h => h.Length == 0))
        {
            throw new UnreadableInputException($"'{path}' (source {source}) is empty: a header row is required.");
        }

        var columns = mapping.Resolve(header);
        if (columns.Keys.All(f => f == CanonicalFields.RecordId))
        {
            throw new UnreadableInputException($"'{path}' (source {source}) has no party columns. Its columns are: {string.Join(", ", header)}. Name them like the canonical fields or map them with --map column=field.");
        }

        var row = 0;
        while (csv.Read() is { } fields)
        {
            row++;
            if (fields.Count > header.Length)
            {
                throw new UnreadableInputException($"'{path}' line {csv.RecordLine}: {fields.Count} fields but the header has {header.Length}.");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (field, indices) in columns)
            {
                var value = indices.Length == 1
                    ? Value(fields, indices[0])
                    : string.Join(' ', indices.Select(i => Value(fields, i)).Where(v => v.Length > 0));
                if (value.Length > 0)
                {
                    attributes[field] = value;
                }
            }

            var recordId = attributes.Remove(CanonicalFields.RecordId, out var id) ? id : row.ToString(CultureInfo.InvariantCulture);
            if (attributes.TryGetValue(CanonicalFields.AccountRef, out var account))
            {
                // The organisation a person is a contact of: a record of the same file, by its record_id.
                attributes[CanonicalFields.AccountRef] = RecordKeys.Of(source, BatchResolver.EntityType, account);
            }

            yield return new PartyRow(source, recordId, attributes);
        }
    }

    private static string Value(List<string> fields, int index) => index < fields.Count ? fields[index].Trim() : string.Empty;
}
