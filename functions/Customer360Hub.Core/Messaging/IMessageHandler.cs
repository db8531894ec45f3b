namespace Customer360Hub.Messaging;

/// <summary>
/// Handles a batch from one subscription. Return the messages that can never succeed
/// (they are dead-lettered with the reason); throw for transient failures so the batch is retried.
/// Called by <see cref="BusConsumer"/> locally and by a Service Bus trigger in Azure.
/// </summary>
public interface IMessageHandler
{
    string Topic { get; }

    string Subscription { get; }

    Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default);
}
