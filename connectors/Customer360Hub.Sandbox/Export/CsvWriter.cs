namespace Customer360Hub.Sandbox.Export;

/// <summary>A minimal RFC 4180 writer: fields quoted only when they need it, CRLF-free (LF) lines.</summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private bool _first = true;

    public void Field(string? value)
    {
        if (!_first)
        {
            writer.Write(',');
        }

        _first = false;
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    public void Row(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            Field(value);
        }

        EndRow();
    }

    public void EndRow()
    {
        writer.Write('\n');
        _first = true;
    }
}
