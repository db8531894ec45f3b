using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Customer360Hub.Auditing;
using Customer360Hub.Json;

namespace Customer360Hub.Azure.Auditing;

/// <summary>
/// The audit trail in append blobs: one JSON line per record, in blobs named
/// <c>yyyy/MM/dd/NNNNN.jsonl</c> by the record's UTC day. Appends never rewrite a byte (the
/// container's immutability policy, infra/modules/storage.bicep, also refuses deletes and
/// overwrites); a blob that reaches the service's block limit is continued in the next segment.
/// Several instances may append to the same blob: each append is atomic. A query reads the blobs
/// of the window's days in name order, so paging follows append order; there is no index by
/// profile or caller, a filtered query reads the whole window.
/// </summary>
public sealed partial class BlobAuditLog(BlobContainerClient container) : IAuditLog
{
    // Append Block takes at most 4 MiB per call.
    private const int MaxAppendBytes = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<DateOnly, int> _segments = new();

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var day in records.GroupBy(r => DateOnly.FromDateTime(r.At.UtcDateTime)))
        {
            foreach (var chunk in Chunks(day))
            {
                await AppendChunkAsync(day.Key, chunk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var (afterBlob, afterLine) = ParseCursor(query.Cursor);
        var records = new List<AuditRecord>(query.Limit);
        await foreach (var name in BlobsAsync(query.From, query.To, cancellationToken).ConfigureAwait(false))
        {
            if (afterBlob is not null && string.CompareOrdinal(name, afterBlob) < 0)
            {
                continue;
            }

            var line = -1;
            await using var stream = await container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                line++;
                if ((name == afterBlob && line <= afterLine) || text.Length == 0)
                {
                    continue;
                }

                var record = JsonSerializer.Deserialize(text, CoreJsonContext.Default.AuditRecord)!;
                if (record.At < query.From || record.At >= query.To
                    || (query.Caller is not null && record.Caller != query.Caller)
                    || (query.ProfileId is not null && !record.ProfileIds.Contains(query.ProfileId, StringComparer.Ordinal)))
                {
                    continue;
                }

                if (records.Count == query.Limit)
                {
                    // One more match exists: the page ends at the previous one.
                    return new AuditPage(records, Cursor(afterBlob!, afterLine));
                }

                records.Add(record);
                (afterBlob, afterLine) = (name, line);
            }
        }

        return new AuditPage(records, null);
    }

    private async Task AppendChunkAsync(DateOnly day, BinaryData chunk, CancellationToken cancellationToken)
    {
        var segment = _segments.TryGetValue(day, out var known) ? known : await LastSegmentAsync(day, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var blob = container.GetAppendBlobClient(BlobName(day, segment));
            try
            {
                await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken).ConfigureAwait(false);
                using var content = chunk.ToStream();
                await blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
                _segments[day] = segment;
                return;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlockCountExceedsLimit)
            {
                segment++;
            }
        }
    }

    /// <summary>The highest segment written for the day so far (0 when none), so a new instance continues where others are.</summary>
    private async Task<int> LastSegmentAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var last = 0;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, DayPrefix(day), cancellationToken).ConfigureAwait(false))
        {
            if (BlobNamePattern().Match(item.Name) is { Success: true } match)
            {
                last = Math.Max(last, int.Parse(match.Groups["segment"].Value, CultureInfo.InvariantCulture));
            }
        }

        return last;
    }

    /// <summary>The blobs holding records of the window, in name (time) order: listed per year present, filtered by day.</summary>
    private async IAsyncEnumerable<string> BlobsAsync(DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(to.UtcDateTime);
        var years = new List<int>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix: null, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix && int.TryParse(item.Prefix.TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= first.Year && year <= last.Year)
            {
                years.Add(year);
            }
        }

        years.Sort();
        foreach (var year in years)
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, year.ToString("D4", CultureInfo.InvariantCulture) + "/", cancellationToken).ConfigureAwait(false))
            {
                if (BlobNamePattern().Match(item.Name) is { Success: true } match
                    && DateOnly.TryParseExact(match.Groups["day"].Value, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && day >= first && day <= last)
                {
                    names.Add(item.Name);
                }
            }

            names.Sort(StringComparer.Ordinal);
            foreach (var name in names)
            {
                yield return name;
            }
        }
    }

    /// <summary>The day's records as JSON lines, cut into appends of at most 4 MiB (a record is never split).</summary>
    private static IEnumerable<BinaryData> Chunks(IEnumerable<AuditRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        foreach (var record in records)
        {
            var line = AuditRecordJson.ToUtf8Bytes(record);
            if (line.Length + 1 > MaxAppendBytes)
            {
                throw new ArgumentException($"Audit record '{record.Id}' is larger than one append ({MaxAppendBytes} bytes).", nameof(records));
            }

            if (buffer.WrittenCount + line.Length + 1 > MaxAppendBytes)
            {
                yield return BinaryData.FromBytes(buffer.WrittenMemory.ToArray());
                buffer.ResetWrittenCount();
            }

            buffer.Write(line);
            buffer.Write("\n"u8);
        }

        if (buffer.WrittenCount > 0)
        {
            yield return BinaryData.FromBytes(buffer.WrittenMemory.ToArray());
        }
    }

    private static string DayPrefix(DateOnly day) => day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    private static string BlobName(DateOnly day, int segment) => DayPrefix(day) + segment.ToString("D5", CultureInfo.InvariantCulture) + ".jsonl";

    private static string Cursor(string blob, int line) => blob + ":" + line.ToString(CultureInfo.InvariantCulture);

    private static (string? Blob, int Line) ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (null, -1);
        }

        var colon = cursor.LastIndexOf(':');
        return colon > 0
            && BlobNamePattern().IsMatch(cursor[..colon])
            && int.TryParse(cursor.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (cursor[..colon], line)
            : throw new ArgumentException("The audit cursor is not valid.", nameof(cursor));
    }

    [GeneratedRegex(@"^(?<day>\d{4}/\d{2}/\d{2})/(?<segment>\d{5})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobNamePattern();
}
