using Customer360Hub.Changes;

namespace Customer360Hub.Cli.Batch;

/// <summary>
/// How input columns become canonical party fields. Columns named like a canonical field are
/// used as they are; <c>--map column=field</c> maps another column, and
/// <c>--map first+second=field</c> joins several columns with a space (for example a street
/// number and a street name into address_line1). Every other column is ignored.
/// </summary>
internal sealed class ColumnMapping
{
    private readonly Dictionary<string, string[]> _sources;

    private ColumnMapping(Dictionary<string, string[]> sources) => _sources = sources;

    public static IReadOnlyCollection<string> Fields { get; } = [.. CanonicalFields.PartyColumns, CanonicalFields.PartyType, CanonicalFields.AccountRef];

    /// <summary>Parses <c>--map</c> values; throws <see cref="FormatException"/> with the reason for a bad one.</summary>
    public static ColumnMapping Parse(IEnumerable<string> maps)
    {
        var sources = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            var equals = map.LastIndexOf('=');
            if (equals <= 0 || equals == map.Length - 1)
            {
                throw new FormatException($"--map '{map}' is not column=field (or column+column=field).");
            }

            var field = map[(equals + 1)..].Trim();
            if (!Fields.Contains(field))
            {
                throw new FormatException($"--map '{map}': '{field}' is not a canonical party field. Use one of: {string.Join(", ", Fields)}.");
            }

            var columns = map[..equals].Split('+', StringSplitOptions.TrimEntries);
            if (columns.Any(c => c.Length == 0))
            {
                throw new FormatException($"--map '{map}' names an empty column.");
            }

            sources[field] = columns;
        }

        return new ColumnMapping(sources);
    }

    /// <summary>For one file's header: the columns feeding each field (mapped columns present in the file, else the field's own column).</summary>
    public IReadOnlyDictionary<string, int[]> Resolve(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i], i);
        }

        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var columns = _sources.TryGetValue(field, out var mapped) ? mapped.Where(index.ContainsKey).Select(c => index[c]).ToArray() : [];
            if (columns.Length == 0 && index.TryGetValue(field, out var own))
            {
                columns = [own];
            }

            if (columns.Length > 0)
            {
                result[field] = columns;
            }
        }

        return result;
    }
}
