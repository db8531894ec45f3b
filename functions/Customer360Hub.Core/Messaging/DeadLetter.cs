namespace Customer360Hub.Messaging;

/// <summary>A dead-lettered message with the reason it was given up on.</summary>
public sealed record DeadLetter(
    string Topic,
    string Subscription,
    string MessageId,
    string PartitionKey,
    string Subject,
    ReadOnlyMemory<byte> Body,
    int DeliveryCount,
    string Reason,
    DateTimeOffset DeadLetteredAt);
