using Azure.Messaging.ServiceBus;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Messaging;

/// <summary>source-changes/resolver: sessions keep each record's (or customer's) changes in order.</summary>
public sealed class Resolver(TriggerDispatcher dispatcher)
{
    [Function(nameof(Resolver))]
    public Task RunAsync(
        [ServiceBusTrigger(Topics.SourceChanges, Topics.ResolverSubscription, Connection = "ServiceBus", IsBatched = true, IsSessionsEnabled = true, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage[] messages,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, ServiceBusBinding.Of(Topics.SourceChanges, Topics.ResolverSubscription, messages, actions), cancellationToken);
}
