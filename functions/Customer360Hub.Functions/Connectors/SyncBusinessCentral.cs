using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.BusinessCentral;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Business Central on the schedule in app setting <c>BusinessCentralSchedule</c> (NCRONTAB).</summary>
public sealed class SyncBusinessCentral(ConnectorJobs jobs)
{
    [Function(nameof(SyncBusinessCentral))]
    public async Task RunAsync([TimerTrigger("%BusinessCentralSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(BusinessCentralConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
