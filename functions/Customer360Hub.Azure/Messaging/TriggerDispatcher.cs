using Customer360Hub.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Azure.Messaging;

/// <summary>Hands a Service Bus trigger's batch to the <see cref="IMessageHandler"/> of its subscription, with the embedded bus's settlement rules.</summary>
public sealed class TriggerDispatcher(
    IChangeBus bus,
    IEnumerable<IMessageHandler> handlers,
    IOptions<ServiceBusOptions> options,
    ILogger<BusConsumer> logger)
{
    public async Task DispatchAsync<T>(string topic, string subscription, TriggeredMessages<T> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Messages.Count == 0)
        {
            return;
        }

        var handler = handlers.SingleOrDefault(h => h.Topic == topic && h.Subscription == subscription)
            ?? throw new InvalidOperationException($"No handler is registered for {topic}/{subscription}.");
        var triggered = new TriggeredBatch<T>(bus, batch, options.Value.MaxDeliveryCount, logger);
        await new BusConsumer(triggered, handler, batch.Messages.Count, logger).PumpOnceAsync(cancellationToken).ConfigureAwait(false);
    }
}
