using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.Salesforce;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Salesforce on the schedule in app setting <c>SalesforceSchedule</c> (NCRONTAB).</summary>
public sealed class SyncSalesforce(ConnectorJobs jobs)
{
    [Function(nameof(SyncSalesforce))]
    public async Task RunAsync([TimerTrigger("%SalesforceSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(SalesforceConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
