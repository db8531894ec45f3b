namespace Customer360Hub.Cli.Batch;

/// <summary>Writes CSV fields, quoting only those that need it.</summary>
internal static class CsvText
{
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(params string[] fields) => string.Join(',', fields.Select(Field));
}
