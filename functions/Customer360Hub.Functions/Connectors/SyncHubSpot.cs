using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.HubSpot;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>HubSpot on the schedule in app setting <c>HubSpotSchedule</c> (NCRONTAB).</summary>
public sealed class SyncHubSpot(ConnectorJobs jobs)
{
    [Function(nameof(SyncHubSpot))]
    public async Task RunAsync([TimerTrigger("%HubSpotSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(HubSpotConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
