using Azure.Messaging.ServiceBus;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Messaging;

/// <summary>profile-changes/scorer: sessions keep each profile's announcements in order.</summary>
public sealed class Scorer(TriggerDispatcher dispatcher)
{
    [Function(nameof(Scorer))]
    public Task RunAsync(
        [ServiceBusTrigger(Topics.ProfileChanges, Topics.ScorerSubscription, Connection = "ServiceBus", IsBatched = true, IsSessionsEnabled = true, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage[] messages,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(Topics.ProfileChanges, Topics.ScorerSubscription, ServiceBusBinding.Of(Topics.ProfileChanges, Topics.ScorerSubscription, messages, actions), cancellationToken);
}
