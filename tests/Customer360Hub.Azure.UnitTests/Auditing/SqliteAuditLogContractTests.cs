using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Auditing;

namespace Customer360Hub.Azure.UnitTests.Auditing;

/// <summary>The embedded home of the audit trail against the shared contract.</summary>
public sealed class SqliteAuditLogContractTests : AuditLogContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("c360-audit-").FullName;
    private readonly List<SqliteAuditLog> _logs = [];

    public void Dispose()
    {
        foreach (var log in _logs)
        {
            log.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    protected override Task<IAuditLog> CreateLogAsync()
    {
        var log = new SqliteAuditLog(Path.Combine(_folder, $"audit-{_logs.Count}.db"));
        _logs.Add(log);
        return Task.FromResult<IAuditLog>(log);
    }
}
