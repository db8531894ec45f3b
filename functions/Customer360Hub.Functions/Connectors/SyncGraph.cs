using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.Graph;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Microsoft 365 (Graph) on the schedule in app setting <c>GraphSchedule</c> (NCRONTAB).</summary>
public sealed class SyncGraph(ConnectorJobs jobs)
{
    [Function(nameof(SyncGraph))]
    public async Task RunAsync([TimerTrigger("%GraphSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(GraphConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
