using System.Collections.Concurrent;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// The health of every connector of this process, persisted after every pass so the API and the
/// CLI see it; counts carry on across restarts.
/// </summary>
public sealed class ConnectorStatusBoard(IConnectorStatusStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConnectorStatus> _statuses = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loaded = new(1, 1);
    private bool _isLoaded;

    /// <summary>What this process knows now (for gauges).</summary>
    public IReadOnlyList<ConnectorStatus> Current => _statuses.Values.OrderBy(s => s.Source, StringComparer.Ordinal).ToList();

    public async Task<ConnectorStatus> SucceededAsync(SyncResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var status = _statuses.AddOrUpdate(
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
        await store.SaveAsync(status, cancellationToken).ConfigureAwait(false);
        return status;
    }

    public async Task<ConnectorStatus> FailedAsync(string source, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var reason = error.GetType().Name + ": " + error.Message;
        var status = _statuses.AddOrUpdate(
            source,
            _ => new ConnectorStatus(source, null, now, reason, 0, 0, 0, 1),
            (_, s) => s with { LastAttemptAt = now, LastError = reason, Errors = s.Errors + 1 });
        await store.SaveAsync(status, cancellationToken).ConfigureAwait(false);
        return status;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_isLoaded)
        {
            return;
        }

        await _loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_isLoaded)
            {
                foreach (var status in await store.ListAsync(cancellationToken).ConfigureAwait(false))
                {
                    _statuses.TryAdd(status.Source, status);
                }

                _isLoaded = true;
            }
        }
        finally
        {
            _loaded.Release();
        }
    }
}
