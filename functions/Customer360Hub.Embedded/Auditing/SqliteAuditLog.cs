using System.Globalization;
using System.Text.Json;
using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Sqlite;
using Customer360Hub.Json;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Auditing;

/// <summary>
/// The embedded audit trail: <c>audit.db</c> in the data folder. Triggers refuse every UPDATE and
/// DELETE, so the table only ever grows. Each row carries its record's profile ids as a delimited
/// column: a query by profile reads the rows of its window (as the Azure trail does), while an
/// index by profile would cost a random B-tree insert per read, which made the log the API's
/// bottleneck.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            caller TEXT NOT NULL,
            body BLOB NOT NULL,
            profiles TEXT NOT NULL DEFAULT '');
        CREATE INDEX IF NOT EXISTS ix_audit_at ON audit(at);
        CREATE INDEX IF NOT EXISTS ix_audit_caller ON audit(caller, seq);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """;

    // Profile ids are stored between separators that no id contains, so a match is a whole id.
    private const char Separator = '\u001f';
    private const int MaxRowsPerStatement = 64;

    private static readonly string[] InsertStatements =
        Statements("INSERT INTO audit (at, caller, body, profiles) VALUES ", n => $"($at{n}, $caller{n}, $body{n}, $profiles{n})");

    private readonly SqliteDatabase _db;
    private readonly bool _legacyIndex;

    public SqliteAuditLog(string path, SqliteDurability durability = SqliteDurability.Normal)
    {
        _db = new SqliteDatabase(path, durability, Schema);
        _legacyIndex = _db.WriteAsync(UpgradeLegacyFile).GetAwaiter().GetResult();
    }

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Serialized before taking the write lock; then a few multi-row statements per append
        // instead of one per record (the statement overhead dominated the writer's time).
        var rows = new (long At, string Caller, byte[] Body, string Profiles)[records.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var record = records[i];
            rows[i] = (record.At.ToUnixTimeMilliseconds(), record.Caller, JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Default.AuditRecord), ProfilesColumn(record.ProfileIds));
        }

        return _db.WriteAsync(s =>
        {
            for (var offset = 0; offset < rows.Length;)
            {
                var count = ChunkSize(rows.Length - offset);
                var insert = s.Command(InsertStatements[System.Numerics.BitOperations.Log2((uint)count)]);
                for (var i = 0; i < count; i++)
                {
                    var row = rows[offset + i];
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    insert.Parameters.AddWithValue("$at" + n, row.At);
                    insert.Parameters.AddWithValue("$caller" + n, row.Caller);
                    insert.Parameters.Add("$body" + n, SqliteType.Blob).Value = row.Body;
                    insert.Parameters.AddWithValue("$profiles" + n, row.Profiles);
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
        // Files written before the profiles column have the old per-profile index for their early rows.
        var legacy = _legacyIndex ? " OR a.seq IN (SELECT seq FROM audit_profiles WHERE profile_id = $profile)" : string.Empty;
        var sql = $"""
            SELECT a.seq, a.body FROM audit a
            WHERE a.seq > $after AND a.at >= $from AND a.at < $to AND ($caller IS NULL OR a.caller = $caller)
              AND ($profile IS NULL OR instr(a.profiles, $needle) > 0{legacy})
            ORDER BY a.seq LIMIT $limit
            """;
        return Task.FromResult(_db.Read(s =>
        {
            var select = s.Command(sql);
            select.Parameters.AddWithValue("$after", after);
            select.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$caller", (object?)query.Caller ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", query.Limit + 1);
            select.Parameters.AddWithValue("$profile", (object?)query.ProfileId ?? DBNull.Value);
            select.Parameters.AddWithValue("$needle", query.ProfileId is null ? string.Empty : Separator + query.ProfileId + Separator);

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

    private static string ProfilesColumn(IReadOnlyList<string> profileIds) =>
        profileIds.Count == 0 ? string.Empty : Separator + string.Join(Separator, profileIds.Distinct(StringComparer.Ordinal)) + Separator;

    /// <summary>
    /// Adds the profiles column to a file written by an earlier version (its rows keep their
    /// per-profile index, which is then read too, never written); true when that index exists.
    /// </summary>
    private static bool UpgradeLegacyFile(SqliteSession session)
    {
        if (!Exists(session, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_profiles'"))
        {
            return false;
        }

        if (!Exists(session, "SELECT 1 FROM pragma_table_info('audit') WHERE name = 'profiles'"))
        {
            session.Execute("ALTER TABLE audit ADD COLUMN profiles TEXT NOT NULL DEFAULT '';");
        }

        return true;
    }

    private static bool Exists(SqliteSession session, string sql) => session.Command(sql).ExecuteScalar() is not null;

    /// <summary>Rows per statement: a power of two up to <see cref="MaxRowsPerStatement"/>, so few distinct statements are prepared.</summary>
    private static int ChunkSize(int remaining) => Math.Min(MaxRowsPerStatement, 1 << System.Numerics.BitOperations.Log2((uint)remaining));

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
