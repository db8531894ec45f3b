using Azure.Messaging.ServiceBus;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Messaging;

/// <summary>Maps the trigger's messages and message actions onto the shared dispatcher's shape (no decisions here).</summary>
internal static class ServiceBusBinding
{
    public static TriggeredMessages<ServiceBusReceivedMessage> Of(string topic, string subscription, ServiceBusReceivedMessage[] messages, ServiceBusMessageActions actions) => new(
        messages,
        m => new ReceivedMessage(topic, subscription, m.MessageId, m.SessionId ?? string.Empty, m.Subject ?? string.Empty, m.Body.ToMemory(), m.DeliveryCount, m.EnqueuedTime, m.LockToken),
        (m, ct) => actions.CompleteMessageAsync(m, ct),
        (m, reason, ct) => actions.AbandonMessageAsync(m, new Dictionary<string, object> { ["LastError"] = reason }, ct),
        (m, reason, description, ct) => actions.DeadLetterMessageAsync(m, null, reason, description, ct));
}
