using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.FileDrop;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Batch files in the Blob container <c>filedrop</c>, on the schedule in app setting <c>FileDropSchedule</c> (NCRONTAB).</summary>
public sealed class SyncFileDrop(ConnectorJobs jobs)
{
    [Function(nameof(SyncFileDrop))]
    public async Task RunAsync([TimerTrigger("%FileDropSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(FileDropConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
