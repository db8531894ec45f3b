using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Sqlite;
using Customer360Hub.Json;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Auditing;

/// <summary>
/// The embedded audit trail: <c>audit.db</c> in the data folder. An append is stored as segments
/// of up to <see cref="MaxRecordsPerSegment"/> records or about <see cref="SegmentBytes"/> (JSON lines), each segment a row that notes
/// its time span, callers and profile ids, so a query reads only the segments that can match and
/// filters their records exactly. One row per append instead of one per record (with its index
/// entries) keeps the log off the API's critical path: every read is audited. Triggers refuse
/// every UPDATE and DELETE, so the table only ever grows.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    /// <summary>Records per segment at most, which bounds what a query decodes to find one record.</summary>
    public const int MaxRecordsPerSegment = 512;

    /// <summary>
    /// A segment is closed once its JSON reaches this size, keeping its buffer under the runtime's
    /// large-object threshold (85,000 bytes): large objects are collected only with the whole heap,
    /// and a busy API appends several segments a second.
    /// </summary>
    public const int SegmentBytes = 64 * 1024;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_segments (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            first_at INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            callers TEXT NOT NULL,
            profiles TEXT NOT NULL,
            records BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_segments_last_at ON audit_segments(last_at);
        CREATE TRIGGER IF NOT EXISTS audit_segments_no_update BEFORE UPDATE ON audit_segments BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_segments_no_delete BEFORE DELETE ON audit_segments BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """;

    private const string Insert = "INSERT INTO audit_segments (first_at, last_at, callers, profiles, records) VALUES ($first, $last, $callers, $profiles, $records)";

    // Callers and profile ids are stored between separators that none contains, so a match is a whole value.
    private const char Separator = '\u001f';
    private const byte LineEnd = (byte)'\n';

    private readonly SqliteDatabase _db;

    public SqliteAuditLog(string path, SqliteDurability durability = SqliteDurability.Normal)
    {
        _db = new SqliteDatabase(path, durability, Schema);
        _db.WriteAsync(UpgradeEarlierLayout).GetAwaiter().GetResult();
    }

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Serialized before taking the write lock.
        var segments = Segment.Split(records);
        return _db.WriteAsync(s =>
        {
            WriteSegments(s, segments);
            return 0;
        }, cancellationToken);
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var (afterSeq, afterIndex) = ParseCursor(query.Cursor);
        const string Sql = """
            SELECT seq, records FROM audit_segments
            WHERE seq >= $after AND last_at >= $from AND first_at < $to
              AND ($caller IS NULL OR instr(callers, $callerNeedle) > 0)
              AND ($profile IS NULL OR instr(profiles, $profileNeedle) > 0)
            ORDER BY seq
            """;
        return Task.FromResult(_db.Read(s =>
        {
            var select = s.Command(Sql);
            select.Parameters.AddWithValue("$after", afterSeq);
            select.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$caller", (object?)query.Caller ?? DBNull.Value);
            select.Parameters.AddWithValue("$callerNeedle", Needle(query.Caller));
            select.Parameters.AddWithValue("$profile", (object?)query.ProfileId ?? DBNull.Value);
            select.Parameters.AddWithValue("$profileNeedle", Needle(query.ProfileId));

            var records = new List<AuditRecord>(Math.Min(query.Limit, 1000));
            (long Seq, int Index) last = default;
            string? next = null;
            using var reader = select.ExecuteReader();
            while (next is null && reader.Read())
            {
                var seq = reader.GetInt64(0);
                var index = 0;
                foreach (var line in Lines((byte[])reader.GetValue(1)))
                {
                    // Records up to the cursor were returned on earlier pages: not even decoded.
                    if ((seq > afterSeq || index > afterIndex)
                        && JsonSerializer.Deserialize(line.Span, CoreJsonContext.Default.AuditRecord) is { } record && Matches(record, query))
                    {
                        if (records.Count == query.Limit)
                        {
                            next = string.Create(CultureInfo.InvariantCulture, $"{last.Seq}.{last.Index}");
                            break;
                        }

                        records.Add(record);
                        last = (seq, index);
                    }

                    index++;
                }
            }

            return new AuditPage(records, next);
        }));
    }

    public void Dispose() => _db.Dispose();

    private static bool Matches(AuditRecord record, AuditQuery query) =>
        record.At >= query.From && record.At < query.To
        && (query.Caller is null || record.Caller == query.Caller)
        && (query.ProfileId is null || record.ProfileIds.Contains(query.ProfileId, StringComparer.Ordinal));

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(byte[] lines)
    {
        for (var start = 0; start < lines.Length;)
        {
            var length = Array.IndexOf(lines, LineEnd, start) is var end and >= 0 ? end - start : lines.Length - start;
            yield return lines.AsMemory(start, length);
            start += length + 1;
        }
    }

    private static void WriteSegments(SqliteSession session, IEnumerable<Segment> segments)
    {
        var insert = session.Prepared(Insert, "$first", "$last", "$callers", "$profiles", "$records");
        foreach (var segment in segments)
        {
            insert.Parameters[0].Value = segment.FirstAt;
            insert.Parameters[1].Value = segment.LastAt;
            insert.Parameters[2].Value = segment.Callers;
            insert.Parameters[3].Value = segment.Profiles;
            insert.Parameters[4].Value = segment.Lines;
            insert.ExecuteNonQuery();
        }
    }

    private static string Needle(string? value) => value is null ? string.Empty : Separator + value + Separator;

    /// <summary>
    /// Moves the records of a file written by an earlier version (one row per record in table
    /// <c>audit</c>, in either of its layouts) into segments, in order, in one transaction.
    /// </summary>
    private static int UpgradeEarlierLayout(SqliteSession session)
    {
        if (session.Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'").ExecuteScalar() is null)
        {
            return 0;
        }

        var batch = new List<AuditRecord>(MaxRecordsPerSegment);
        var select = session.Command("SELECT body FROM audit ORDER BY seq");
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                batch.Add(JsonSerializer.Deserialize((byte[])reader.GetValue(0), CoreJsonContext.Default.AuditRecord)!);
                if (batch.Count == MaxRecordsPerSegment)
                {
                    WriteSegments(session, Segment.Split(batch));
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            WriteSegments(session, Segment.Split(batch));
        }

        // Dropping a table fires no DELETE trigger; every record now lives in a segment.
        session.Execute("DROP TABLE IF EXISTS audit_profiles; DROP TABLE audit;");
        return 1;
    }

    private static (long Seq, int Index) ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (0, -1);
        }

        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0
            && int.TryParse(cursor.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (seq, index)
            : throw new ArgumentException("The audit cursor is not valid.", nameof(cursor));
    }

    /// <summary>One row: records as JSON lines with what a query filters segments by.</summary>
    private sealed record Segment(long FirstAt, long LastAt, string Callers, string Profiles, byte[] Lines)
    {
        // Reused by each appending thread, so a segment costs one allocation of its final size.
        [ThreadStatic]
        private static ArrayBufferWriter<byte>? t_buffer;

        /// <summary>The records in order, cut into segments by count and size.</summary>
        public static List<Segment> Split(IReadOnlyList<AuditRecord> records)
        {
            var buffer = t_buffer ??= new ArrayBufferWriter<byte>(SegmentBytes + 8192);
            using var writer = new Utf8JsonWriter(buffer);
            var segments = new List<Segment>();
            var callers = new HashSet<string>(StringComparer.Ordinal);
            var profiles = new HashSet<string>(StringComparer.Ordinal);
            var (first, last, count) = (long.MaxValue, long.MinValue, 0);
            buffer.ResetWrittenCount();
            foreach (var record in records)
            {
                if (count > 0)
                {
                    buffer.Write([LineEnd]);
                }

                AuditRecordJson.Write(writer, record);
                writer.Flush();
                writer.Reset();
                callers.Add(record.Caller);
                profiles.UnionWith(record.ProfileIds);
                var at = record.At.ToUnixTimeMilliseconds();
                (first, last, count) = (Math.Min(first, at), Math.Max(last, at), count + 1);
                if (count == MaxRecordsPerSegment || buffer.WrittenCount >= SegmentBytes)
                {
                    Close();
                }
            }

            if (count > 0)
            {
                Close();
            }

            return segments;

            void Close()
            {
                segments.Add(new Segment(first, last, Joined(callers), Joined(profiles), buffer.WrittenSpan.ToArray()));
                callers.Clear();
                profiles.Clear();
                (first, last, count) = (long.MaxValue, long.MinValue, 0);
                buffer.ResetWrittenCount();
            }
        }

        private static string Joined(HashSet<string> values) =>
            values.Count == 0 ? string.Empty : Separator + string.Join(Separator, values) + Separator;
    }
}
