using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.Zendesk;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Zendesk on the schedule in app setting <c>ZendeskSchedule</c> (NCRONTAB).</summary>
public sealed class SyncZendesk(ConnectorJobs jobs)
{
    [Function(nameof(SyncZendesk))]
    public async Task RunAsync([TimerTrigger("%ZendeskSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(ZendeskConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
