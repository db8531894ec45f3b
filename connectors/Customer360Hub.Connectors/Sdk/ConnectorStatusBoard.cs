using System.Collections.Concurrent;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>The latest <see cref="ConnectorStatus"/> of every connector in this process.</summary>
public sealed class ConnectorStatusBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConnectorStatus> _statuses = new(StringComparer.Ordinal);

    public IReadOnlyList<ConnectorStatus> All => _statuses.Values.OrderBy(s => s.Source, StringComparer.Ordinal).ToList();

    public void Succeeded(SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        _statuses.AddOrUpdate(
            result.Source,
            _ => new ConnectorStatus(result.Source, now, now, null, result.Pages, result.Changes, result.Quarantined, 0),
            (_, s) => s with
            {
                LastSuccessAt = now,
                LastAttemptAt = now,
                LastError = null,
                Pages = s.Pages + result.Pages,
                Records = s.Records + result.Changes,
                Quarantined = s.Quarantined + result.Quarantined,
            });
    }

    public void Failed(string source, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var reason = error.GetType().Name + ": " + error.Message;
        _statuses.AddOrUpdate(
            source,
            _ => new ConnectorStatus(source, null, now, reason, 0, 0, 0, 1),
            (_, s) => s with { LastAttemptAt = now, LastError = reason, Errors = s.Errors + 1 });
    }
}
