using System.Text;

namespace Customer360Hub.Connectors.FileDrop;

/// <summary>
/// Reads RFC 4180 CSV records (or NDJSON lines) from a byte stream and reports exactly how many
/// bytes each used, so a checkpoint can resume in the middle of a file. Works on bytes: the
/// delimiters are ASCII and never occur inside a UTF-8 sequence.
/// </summary>
internal sealed class DelimitedReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _length;
    private int _position;

    /// <summary>Bytes consumed so far.</summary>
    public long Consumed { get; private set; }

    /// <summary>The next CSV record's fields, or null at the end.</summary>
    public async Task<List<string>?> ReadCsvAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new List<byte>();
        var quoted = false;
        var any = false;
        while (true)
        {
            var next = await NextAsync(cancellationToken).ConfigureAwait(false);
            if (next < 0)
            {
                if (!any)
                {
                    return null;
                }

                fields.Add(Encoding.UTF8.GetString([.. field]));
                return fields;
            }

            any = true;
            var b = (byte)next;
            if (quoted)
            {
                if (b == '"')
                {
                    if (await PeekAsync(cancellationToken).ConfigureAwait(false) == '"')
                    {
                        await NextAsync(cancellationToken).ConfigureAwait(false);
                        field.Add(b);
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Add(b);
                }
            }
            else if (b == '"')
            {
                quoted = true;
            }
            else if (b == ',')
            {
                fields.Add(Encoding.UTF8.GetString([.. field]));
                field.Clear();
            }
            else if (b == '\n')
            {
                fields.Add(Encoding.UTF8.GetString([.. field]));
                return fields;
            }
            else if (b != '\r')
            {
                field.Add(b);
            }
        }
    }

    /// <summary>The next non-empty line, or null at the end.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            var next = await NextAsync(cancellationToken).ConfigureAwait(false);
            if (next < 0 || next == '\n')
            {
                var text = Encoding.UTF8.GetString([.. line]).Trim();
                if (text.Length > 0)
                {
                    return text;
                }

                if (next < 0)
                {
                    return null;
                }

                line.Clear();
                continue;
            }

            line.Add((byte)next);
        }
    }

    private async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        var b = await PeekAsync(cancellationToken).ConfigureAwait(false);
        if (b >= 0)
        {
            _position++;
            Consumed++;
        }

        return b;
    }

    private async Task<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_position == _length)
        {
            _length = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            _position = 0;
            if (_length == 0)
            {
                return -1;
            }
        }

        return _buffer[_position];
    }
}
