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
        foreach (var sql in new[] { "UPDATE audit SET caller = 'mallory'", "DELETE FROM audit", "DELETE FROM audit_profiles" })
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
