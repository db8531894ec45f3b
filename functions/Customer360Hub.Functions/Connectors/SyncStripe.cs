using Customer360Hub.Azure.Connectors;
using Customer360Hub.Connectors.Stripe;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Connectors;

/// <summary>Stripe on the schedule in app setting <c>StripeSchedule</c> (NCRONTAB).</summary>
public sealed class SyncStripe(ConnectorJobs jobs)
{
    [Function(nameof(SyncStripe))]
    public async Task RunAsync([TimerTrigger("%StripeSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.SyncAsync(StripeConnector.SourceName, cancellationToken).ConfigureAwait(false);
}
