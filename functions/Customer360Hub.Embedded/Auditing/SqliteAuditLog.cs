using System.Globalization;
using System.Text.Json;
using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Sqlite;
using Customer360Hub.Json;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Auditing;

/// <summary>
/// The embedded audit trail: <c>audit.db</c> in the data folder. Triggers refuse every UPDATE and
/// DELETE, so the tables only ever grow; a side table indexes records by profile.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            caller TEXT NOT NULL,
            body BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_at ON audit(at);
        CREATE INDEX IF NOT EXISTS ix_audit_caller ON audit(caller, seq);
        CREATE TABLE IF NOT EXISTS audit_profiles (
            profile_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (profile_id, seq)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_profiles_no_update BEFORE UPDATE ON audit_profiles BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_profiles_no_delete BEFORE DELETE ON audit_profiles BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """;

    private const int MaxRowsPerStatement = 64;

    private static readonly string[] InsertStatements =
        Statements("INSERT INTO audit (at, caller, body) VALUES ", n => $"($at{n}, $caller{n}, $body{n})").Select(sql => sql + " RETURNING seq").ToArray();

    private static readonly string[] IndexStatements =
        Statements("INSERT INTO audit_profiles (profile_id, seq) VALUES ", n => $"($p{n}, $s{n})");

    private readonly SqliteDatabase _db;

    public SqliteAuditLog(string path, SqliteDurability durability = SqliteDurability.Normal) => _db = new SqliteDatabase(path, durability, Schema);

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Serialized before taking the write lock; then a few multi-row statements per append
        // instead of two per record (the statement overhead dominated the writer's time).
        var rows = new (long At, string Caller, byte[] Body, IEnumerable<string> ProfileIds)[records.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var record = records[i];
            rows[i] = (record.At.ToUnixTimeMilliseconds(), record.Caller, JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Default.AuditRecord), record.ProfileIds.Distinct(StringComparer.Ordinal));
        }

        return _db.WriteAsync(s =>
        {
            var index = new List<(string ProfileId, long Seq)>();
            for (var offset = 0; offset < rows.Length;)
            {
                var count = ChunkSize(rows.Length - offset);
                var insert = s.Command(InsertSql(count));
                for (var i = 0; i < count; i++)
                {
                    var row = rows[offset + i];
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    insert.Parameters.AddWithValue("$at" + n, row.At);
                    insert.Parameters.AddWithValue("$caller" + n, row.Caller);
                    insert.Parameters.Add("$body" + n, SqliteType.Blob).Value = row.Body;
                }

                // One statement inserts its rows in order under AUTOINCREMENT, so the sorted
                // returned keys are the rows' keys in order (RETURNING itself has no order).
                var seqs = new List<long>(count);
                using (var reader = insert.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        seqs.Add(reader.GetInt64(0));
                    }
                }

                seqs.Sort();
                for (var i = 0; i < count; i++)
                {
                    foreach (var profileId in rows[offset + i].ProfileIds)
                    {
                        index.Add((profileId, seqs[i]));
                    }
                }

                offset += count;
            }

            for (var offset = 0; offset < index.Count;)
            {
                var count = ChunkSize(index.Count - offset);
                var insert = s.Command(IndexSql(count));
                for (var i = 0; i < count; i++)
                {
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    insert.Parameters.AddWithValue("$p" + n, index[offset + i].ProfileId);
                    insert.Parameters.AddWithValue("$s" + n, index[offset + i].Seq);
                }

                insert.ExecuteNonQuery();
                offset += count;
            }

            return 0;
        }, cancellationToken);
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var after = ParseCursor(query.Cursor);
        var sql = query.ProfileId is null
            ? """
              SELECT a.seq, a.body FROM audit a
              WHERE a.seq > $after AND a.at >= $from AND a.at < $to AND ($caller IS NULL OR a.caller = $caller)
              ORDER BY a.seq LIMIT $limit
              """
            : """
              SELECT a.seq, a.body FROM audit_profiles p JOIN audit a ON a.seq = p.seq
              WHERE p.profile_id = $profile AND p.seq > $after AND a.at >= $from AND a.at < $to AND ($caller IS NULL OR a.caller = $caller)
              ORDER BY p.seq LIMIT $limit
              """;
        return Task.FromResult(_db.Read(s =>
        {
            var select = s.Command(sql);
            select.Parameters.AddWithValue("$after", after);
            select.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$caller", (object?)query.Caller ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", query.Limit + 1);
            if (query.ProfileId is not null)
            {
                select.Parameters.AddWithValue("$profile", query.ProfileId);
            }

            var records = new List<AuditRecord>();
            long last = 0;
            var more = false;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                if (records.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                last = reader.GetInt64(0);
                records.Add(JsonSerializer.Deserialize((byte[])reader.GetValue(1), CoreJsonContext.Default.AuditRecord)!);
            }

            return new AuditPage(records, more ? last.ToString(CultureInfo.InvariantCulture) : null);
        }));
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Rows per statement: a power of two up to <see cref="MaxRowsPerStatement"/>, so few distinct statements are prepared.</summary>
    private static int ChunkSize(int remaining) => Math.Min(MaxRowsPerStatement, 1 << System.Numerics.BitOperations.Log2((uint)remaining));

    private static string InsertSql(int rows) => InsertStatements[System.Numerics.BitOperations.Log2((uint)rows)];

    private static string IndexSql(int rows) => IndexStatements[System.Numerics.BitOperations.Log2((uint)rows)];

    private static string[] Statements(string prefix, Func<string, string> row) =>
        [.. Enumerable.Range(0, System.Numerics.BitOperations.Log2(MaxRowsPerStatement) + 1)
            .Select(power => prefix + string.Join(", ", Enumerable.Range(0, 1 << power).Select(i => row(i.ToString(CultureInfo.InvariantCulture)))))];

    private static long ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0
            ? seq
            : throw new ArgumentException("The audit cursor is not valid.", nameof(cursor));
    }
}
