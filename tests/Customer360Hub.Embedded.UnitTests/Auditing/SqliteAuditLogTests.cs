using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Auditing;
using Customer360Hub.Embedded.UnitTests.Support;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.UnitTests.Auditing;

/// <summary>What only the embedded log does; the shared audit-log contract runs in Customer360Hub.Azure.UnitTests on both homes.</summary>
public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteAuditLog> _logs = [];

    [Fact]
    public async Task Tables_UpdateOrDelete_IsRefused()
    {
        var log = (SqliteAuditLog)await CreateLogAsync();
        await log.AppendAsync([Record(0, "alice", "p-00000000000000000001")]);

        using var connection = new SqliteConnection($"Data Source={_folder.File("audit.db")};Pooling=False");
        connection.Open();
        foreach (var sql in new[] { "UPDATE audit_segments SET records = x''", "UPDATE audit_segments SET profiles = ''", "DELETE FROM audit_segments" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("alice", Assert.Single((await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))).Records).Caller);
    }

    [Fact]
    public async Task Records_SurviveReopening()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync([Record(0, "alice", "p-00000000000000000001")]);
        _logs[0].Dispose();

        using var reopened = new SqliteAuditLog(_folder.File("audit.db"));

        Assert.Single((await reopened.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))).Records);
    }

    [Fact]
    public async Task Append_BatchOfManyRecords_KeepsOrderAndFindsEachRecordByItsProfiles()
    {
        var log = await CreateLogAsync();
        // More records than one segment holds; every third record names two profiles (one repeated).
        var records = Enumerable.Range(0, (2 * SqliteAuditLog.MaxRecordsPerSegment) + 77)
            .Select(i => Record(i % 60, "caller-" + i, $"p-{i:D20}") with
            {
                ProfileIds = i % 3 == 0 ? [$"p-{i:D20}", "p-shared00000000000000", $"p-{i:D20}"] : [$"p-{i:D20}"],
            })
            .ToList();
        await log.AppendAsync(records);

        var all = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { Limit = 5000 })).Records;
        Assert.Equal(records.Select(r => r.Caller), all.Select(r => r.Caller));
        for (var i = 0; i < records.Count; i += 17)
        {
            var own = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { ProfileId = $"p-{i:D20}" })).Records;
            Assert.Equal("caller-" + i, Assert.Single(own).Caller);
            var byCaller = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { Caller = "caller-" + i })).Records;
            Assert.Equal($"p-{i:D20}", Assert.Single(byCaller).ProfileIds[0]);
        }

        var shared = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { ProfileId = "p-shared00000000000000", Limit = 5000 })).Records;
        Assert.Equal(records.Where((_, i) => i % 3 == 0).Select(r => r.Caller), shared.Select(r => r.Caller));
    }

    [Fact]
    public async Task Append_RecordsLargerThanASegment_CutsBySizeAndKeepsEveryRecordInOrder()
    {
        var log = await CreateLogAsync();
        // About 2 KB per record: a segment fills by size long before it reaches its record count.
        var records = Enumerable.Range(0, 200).Select(i => Record(i % 60, "caller-" + i, $"p-{i:D20}") with { Detail = new string('x', 2000) }).ToList();
        await log.AppendAsync(records);

        using var connection = new SqliteConnection($"Data Source={_folder.File("audit.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(length(records)) FROM audit_segments";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.True(reader.GetInt64(0) >= 200 * 2000 / SqliteAuditLog.SegmentBytes, $"{reader.GetInt64(0)} segments");
        Assert.True(reader.GetInt64(1) < 85_000, $"largest segment {reader.GetInt64(1)} bytes");
        var all = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { Limit = 5000 })).Records;
        Assert.Equal(records.Select(r => r.Caller), all.Select(r => r.Caller));
    }

    [Fact]
    public async Task Query_PagesOverManyAppends_ReturnEveryMatchOnceInOrder()
    {
        var log = await CreateLogAsync();
        var records = Enumerable.Range(0, 1500).Select(i => Record(i % 60, i % 4 == 0 ? "alice" : "bob", $"p-{i % 7:D20}") with { CorrelationId = "c" + i }).ToList();
        foreach (var chunk in records.Chunk(SqliteAuditLog.MaxRecordsPerSegment + 100))
        {
            await log.AppendAsync(chunk);
        }

        var query = new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Caller: "alice", Limit: 37);
        var seen = new List<string>();
        for (string? cursor = null; ;)
        {
            var page = await log.QueryAsync(query with { Cursor = cursor });
            seen.AddRange(page.Records.Select(r => r.CorrelationId));
            if ((cursor = page.NextCursor) is null)
            {
                break;
            }
        }

        Assert.Equal(records.Where(r => r.Caller == "alice").Select(r => r.CorrelationId), seen);
    }

    [Theory]
    [InlineData("CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, caller TEXT NOT NULL, body BLOB NOT NULL); CREATE TABLE audit_profiles (profile_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (profile_id, seq)) WITHOUT ROWID;")]
    [InlineData("CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, caller TEXT NOT NULL, body BLOB NOT NULL, profiles TEXT NOT NULL DEFAULT ''); CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;")]
    public async Task Open_FileOfAnEarlierVersion_KeepsItsRecordsInOrderFindableByProfileAndAppendsNewOnes(string earlierSchema)
    {
        // Earlier layouts kept one row per record in table audit.
        var earlier = Enumerable.Range(0, SqliteAuditLog.MaxRecordsPerSegment + 3).Select(i => Record(1, "alice-" + i, "p-00000000000000000001")).ToList();
        using (var connection = new SqliteConnection($"Data Source={_folder.File("audit.db")};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = earlierSchema;
            create.ExecuteNonQuery();
            foreach (var old in earlier)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO audit (at, caller, body) VALUES ($at, $caller, $body)";
                insert.Parameters.AddWithValue("$at", old.At.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$caller", old.Caller);
                insert.Parameters.AddWithValue("$body", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(old, Customer360Hub.Json.CoreJsonContext.Default.AuditRecord));
                insert.ExecuteNonQuery();
            }
        }

        var log = await CreateLogAsync();
        await log.AppendAsync([Record(2, "bob", "p-00000000000000000001"), Record(3, "carol", "p-00000000000000000002")]);

        var everything = new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Limit: 5000);
        Assert.Equal([.. earlier.Select(r => r.Caller), "bob", "carol"], (await log.QueryAsync(everything)).Records.Select(r => r.Caller));
        Assert.Equal([.. earlier.Select(r => r.Caller), "bob"], (await log.QueryAsync(everything with { ProfileId = "p-00000000000000000001" })).Records.Select(r => r.Caller));
        Assert.Equal(["carol"], (await log.QueryAsync(everything with { ProfileId = "p-00000000000000000002" })).Records.Select(r => r.Caller));
        _logs[0].Dispose();
        using var reopened = new SqliteAuditLog(_folder.File("audit.db"));
        Assert.Equal(earlier.Count + 2, (await reopened.QueryAsync(everything)).Records.Count);
    }

    private static AuditRecord Record(int minute, string caller, string profileId)
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, minute, 0, TimeSpan.Zero);
        return new AuditRecord
        {
            Id = Guid.CreateVersion7(at).ToString("N"),
            At = at,
            CorrelationId = "corr-" + minute,
            Caller = caller,
            Roles = ["sales"],
            Operation = "getProfile",
            Action = AuditActions.Read,
            ProfileIds = [profileId],
            Status = 200,
        };
    }

    public void Dispose()
    {
        foreach (var log in _logs)
        {
            log.Dispose();
        }

        _folder.Dispose();
    }

    private Task<IAuditLog> CreateLogAsync()
    {
        var log = new SqliteAuditLog(_folder.File("audit.db"));
        _logs.Add(log);
        return Task.FromResult<IAuditLog>(log);
    }
}
