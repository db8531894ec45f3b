namespace Customer360Hub.Messaging;

/// <summary>
/// Topics with subscriptions, at-least-once delivery, per-partition-key order, leases,
/// retries with backoff and a dead letter with a reason. Embedded: SQLite. Azure: Service Bus.
/// </summary>
public interface IChangeBus
{
    /// <summary>Publishes to every subscription of the topic; a message id seen within the duplicate window is dropped.</summary>
    Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxMessages"/> messages. The messages of one partition key are held by one receiver at a
    /// time and come in order; a batch may hold several of them (a Service Bus session batch does too).
    /// </summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default);

    /// <summary>Removes handled messages for good.</summary>
    Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Gives a failed message back for a later retry, or dead-letters it with the reason once its deliveries are used up.</summary>
    Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default);

    /// <summary>Moves a message that can never succeed to the dead letter with the reason.</summary>
    Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default);
}
