using System.Globalization;
using System.Text;
using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.FileDrop;

/// <summary>
/// Batch spoke for migrations and backfills: CSV (header row) and NDJSON files from an
/// <see cref="IFileDropSource"/>, in name order, a page of rows at a time. Each row becomes a JSON
/// object of its columns for the mapping; the raw page archived is the file's bytes for those rows.
/// The checkpoint is the file and byte offset, so a crash resumes inside a file.
/// </summary>
public sealed class FileDropConnector(IFileDropSource files, IOptions<FileDropOptions> options) : ISourceConnector
{
    public const string SourceName = "filedrop";

    /// <summary>Reports bytes read so far and bytes in all files, for a progress bar.</summary>
    public event EventHandler<FileDropProgress>? Progress;

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes => [options.Value.EntityType];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var list = await files.ListAsync(cancellationToken).ConfigureAwait(false);
        var (name, offset) = Parse(checkpoint);
        var index = name is null ? 0 : list.ToList().FindIndex(f => string.CompareOrdinal(f.Name, name) >= 0);
        if (index >= 0 && index < list.Count && list[index].Name == name && offset >= list[index].Length)
        {
            index++;
            offset = 0;
        }
        else if (index >= 0 && index < list.Count && list[index].Name != name)
        {
            offset = 0;
        }

        if (index < 0 || index >= list.Count)
        {
            return new SourcePage(Array.Empty<byte>(), [], checkpoint, false);
        }

        var file = list[index];
        var ndjson = !file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var header = ndjson ? null : await HeaderAsync(file, cancellationToken).ConfigureAwait(false);
        if (!ndjson && offset == 0)
        {
            offset = header!.Value.Length;
        }

        await using var stream = await files.OpenReadAsync(file.Name, offset, cancellationToken).ConfigureAwait(false);
        var reader = new DelimitedReader(stream);
        var items = new List<SourceItem>();
        var unreadable = new List<UnreadableItem>();
        using var raw = new MemoryStream();
        if (header is { } h)
        {
            raw.Write(Encoding.UTF8.GetBytes(string.Join(',', h.Columns) + "\n"));
        }

        var pageStart = offset;
        for (var row = 0; row < options.Value.PageSize; row++)
        {
            var at = offset + reader.Consumed;
            JsonElement? element;
            if (ndjson)
            {
                var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                element = ParseJson(line);
                if (element is null)
                {
                    unreadable.Add(new UnreadableItem(null, $"{file.Name} at byte {at}: the line is not a JSON object", file.Name + "@" + at.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }
            }
            else
            {
                var fields = await reader.ReadCsvAsync(cancellationToken).ConfigureAwait(false);
                if (fields is null)
                {
                    break;
                }

                if (fields.Count != header!.Value.Columns.Count)
                {
                    unreadable.Add(new UnreadableItem(null, $"{file.Name} at byte {at}: {fields.Count} fields where the header has {header.Value.Columns.Count}", file.Name + "@" + at.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }

                element = Row(header.Value.Columns, fields);
            }

            var id = PageReader.Text(element.Value, "record_id");
            if (string.IsNullOrWhiteSpace(id))
            {
                unreadable.Add(new UnreadableItem(null, $"{file.Name} at byte {at}: the row has no record_id", file.Name + "@" + at.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            var modified = PageReader.Text(element.Value, "modified_at") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
                ? stamp
                : file.LastModified;
            items.Add(new SourceItem(entityType, id, at.ToString(CultureInfo.InvariantCulture), modified, PageReader.Text(element.Value, "deleted") == "true", element.Value));
        }

        offset += reader.Consumed;
        await using (var slice = await files.OpenReadAsync(file.Name, pageStart, cancellationToken).ConfigureAwait(false))
        {
            var bytes = new byte[offset - pageStart];
            await slice.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            raw.Write(bytes);
        }

        var done = list.Take(index).Sum(f => f.Length) + offset;
        Progress?.Invoke(this, new FileDropProgress(done, list.Sum(f => f.Length), file.Name));
        var hasMore = offset < file.Length || index + 1 < list.Count;
        return new SourcePage(raw.ToArray(), items, Format(file.Name, offset), hasMore, unreadable);
    }

    private async Task<(IReadOnlyList<string> Columns, long Length)?> HeaderAsync(DropFile file, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(file.Name, 0, cancellationToken).ConfigureAwait(false);
        var reader = new DelimitedReader(stream);
        var columns = await reader.ReadCsvAsync(cancellationToken).ConfigureAwait(false) ?? [];
        return (columns.Select(c => c.Trim().TrimStart('\uFEFF')).ToList(), reader.Consumed);
    }

    private static JsonElement Row(IReadOnlyList<string> columns, List<string> fields)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                if (fields[i].Length > 0)
                {
                    writer.WriteString(columns[i], fields[i]);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static JsonElement? ParseJson(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string? Name, long Offset) Parse(string? checkpoint)
    {
        if (checkpoint is null)
        {
            return (null, 0);
        }

        var tab = checkpoint.LastIndexOf('\t');
        return (checkpoint[..tab], long.Parse(checkpoint.AsSpan(tab + 1), CultureInfo.InvariantCulture));
    }

    private static string Format(string name, long offset) => name + "\t" + offset.ToString(CultureInfo.InvariantCulture);
}
