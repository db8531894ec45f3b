using System.Text;

namespace Customer360Hub.Cli.Batch;

/// <summary>
/// Reads CSV (RFC 4180: comma separated, double quotes around fields that hold commas, quotes or
/// line breaks, "" for a quote inside them). Knows the line each record started on, for errors.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string path) : IDisposable
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The line the last record read started on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record's fields, or null at the end. Throws <see cref="UnreadableInputException"/> on an unterminated quote.</summary>
    public List<string>? Read()
    {
        var next = reader.Peek();
        while (next is '\r' or '\n')
        {
            // Blank lines between records carry nothing.
            reader.Read();
            if (next == '\n')
            {
                _line++;
            }

            next = reader.Peek();
        }

        if (next < 0)
        {
            return null;
        }

        RecordLine = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new UnreadableInputException($"'{path}' line {RecordLine}: a quoted field is never closed.");
                }

                fields.Add(_field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !wasQuoted && _field.ToString().Trim().Length == 0:
                    _field.Clear();
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    public void Dispose() => reader.Dispose();
}
