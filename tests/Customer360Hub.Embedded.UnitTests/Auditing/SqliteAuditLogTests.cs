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
        foreach (var sql in new[] { "UPDATE audit SET caller = 'mallory'", "UPDATE audit SET profiles = ''", "DELETE FROM audit" })
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
        // 203 records: several multi-row statements of different sizes; every third record names two profiles (one repeated).
        var records = Enumerable.Range(0, 203)
            .Select(i => Record(i % 60, "caller-" + i, $"p-{i:D20}") with
            {
                ProfileIds = i % 3 == 0 ? [$"p-{i:D20}", "p-shared00000000000000", $"p-{i:D20}"] : [$"p-{i:D20}"],
            })
            .ToList();
        await log.AppendAsync(records);

        var all = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { Limit = 500 })).Records;
        Assert.Equal(records.Select(r => r.Caller), all.Select(r => r.Caller));
        for (var i = 0; i < records.Count; i += 17)
        {
            var own = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { ProfileId = $"p-{i:D20}" })).Records;
            Assert.Equal("caller-" + i, Assert.Single(own).Caller);
        }

        var shared = (await log.QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) { ProfileId = "p-shared00000000000000", Limit = 500 })).Records;
        Assert.Equal(records.Where((_, i) => i % 3 == 0).Select(r => r.Caller), shared.Select(r => r.Caller));
    }

    [Fact]
    public async Task Open_FileOfAnEarlierVersion_KeepsItsRecordsFindableByProfileAndAppendsNewOnes()
    {
        // The earlier layout: no profiles column, a side table indexing records by profile.
        var old = Record(1, "alice", "p-00000000000000000001");
        using (var connection = new SqliteConnection($"Data Source={_folder.File("audit.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, caller TEXT NOT NULL, body BLOB NOT NULL);
                CREATE TABLE audit_profiles (profile_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (profile_id, seq)) WITHOUT ROWID;
                INSERT INTO audit (at, caller, body) VALUES ($at, 'alice', $body);
                INSERT INTO audit_profiles VALUES ('p-00000000000000000001', 1);
                """;
            command.Parameters.AddWithValue("$at", old.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$body", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(old, Customer360Hub.Json.CoreJsonContext.Default.AuditRecord));
            command.ExecuteNonQuery();
        }

        var log = await CreateLogAsync();
        await log.AppendAsync([Record(2, "bob", "p-00000000000000000001"), Record(3, "carol", "p-00000000000000000002")]);

        var everything = new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(["alice", "bob", "carol"], (await log.QueryAsync(everything)).Records.Select(r => r.Caller));
        Assert.Equal(["alice", "bob"], (await log.QueryAsync(everything with { ProfileId = "p-00000000000000000001" })).Records.Select(r => r.Caller));
        Assert.Equal(["carol"], (await log.QueryAsync(everything with { ProfileId = "p-00000000000000000002" })).Records.Select(r => r.Caller));
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
