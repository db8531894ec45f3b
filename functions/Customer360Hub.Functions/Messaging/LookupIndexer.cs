using Azure.Messaging.ServiceBus;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Messaging;

/// <summary>profile-changes/lookup-indexer: keeps the API's lookup and search index in step with profiles.</summary>
public sealed class LookupIndexer(TriggerDispatcher dispatcher)
{
    [Function(nameof(LookupIndexer))]
    public Task RunAsync(
        [ServiceBusTrigger(Topics.ProfileChanges, Topics.LookupIndexerSubscription, Connection = "ServiceBus", IsBatched = true, IsSessionsEnabled = true, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage[] messages,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(Topics.ProfileChanges, Topics.LookupIndexerSubscription, ServiceBusBinding.Of(Topics.ProfileChanges, Topics.LookupIndexerSubscription, messages, actions), cancellationToken);
}
