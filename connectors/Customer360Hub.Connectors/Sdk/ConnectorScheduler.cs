using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>Runs every enabled connector on its interval in the local host (in Azure, timer triggers do this).</summary>
public sealed partial class ConnectorScheduler(
    IEnumerable<ConnectorRegistration> registrations,
    ConnectorRunner runner,
    ConnectorStatusBoard statuses,
    ConnectorMetrics metrics,
    TimeProvider time,
    ILogger<ConnectorScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registrations.Select(r => Task.Run(() => LoopAsync(r, stoppingToken), CancellationToken.None)));

    /// <summary>One sync pass, recorded on the status board; failures are recorded, not thrown.</summary>
    public async Task<SyncResult?> SyncOnceAsync(ConnectorRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var started = time.GetTimestamp();
        SyncResult result;
        try
        {
            result = await runner.SyncAsync(registration.Connector, registration.Mapper, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The checkpoint was not advanced past anything unsent: the next pass resumes there.
            metrics.Failed(registration.Connector.Source);
            LogSyncFailed(logger, ex, registration.Connector.Source);
            await statuses.FailedAsync(registration.Connector.Source, ex, cancellationToken).ConfigureAwait(false);
            return null;
        }

        metrics.Synced(registration.Connector.Source, time.GetElapsedTime(started));
        await statuses.SucceededAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task LoopAsync(ConnectorRegistration registration, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SyncOnceAsync(registration, stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(registration.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Source} failed; it resumes from its checkpoint on the next pass")]
    private static partial void LogSyncFailed(ILogger logger, Exception error, string source);
}
