using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Azure.Connectors;

/// <summary>
/// One sync pass of a connector, for its timer trigger. A failure propagates, so the invocation is
/// recorded as failed (and alerts fire); the checkpoint never moved past anything unsent, so the
/// next tick resumes from it.
/// </summary>
public sealed partial class ConnectorJobs(IEnumerable<ConnectorRegistration> registrations, ConnectorRunner runner, ILogger<ConnectorJobs> logger)
{
    public async Task<SyncResult?> SyncAsync(string source, CancellationToken cancellationToken = default)
    {
        var registration = registrations.FirstOrDefault(r => string.Equals(r.Connector.Source, source, StringComparison.Ordinal));
        if (registration is null)
        {
            LogDisabled(logger, source);
            return null;
        }

        return await runner.SyncAsync(registration.Connector, registration.Mapper, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Source} is not enabled (Connectors:<Name>:Enabled); nothing to sync")]
    private static partial void LogDisabled(ILogger logger, string source);
}
