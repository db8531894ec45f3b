namespace Customer360Hub.Messaging;

/// <summary>A leased message. Settle it with the bus that handed it out, using <see cref="LockToken"/>.</summary>
public sealed record ReceivedMessage(
    string Topic,
    string Subscription,
    string MessageId,
    string PartitionKey,
    string Subject,
    ReadOnlyMemory<byte> Body,
    int DeliveryCount,
    DateTimeOffset EnqueuedAt,
    string LockToken);
