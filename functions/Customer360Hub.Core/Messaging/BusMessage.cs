namespace Customer360Hub.Messaging;

/// <summary>A message to publish. <paramref name="MessageId"/> drives duplicate detection; messages with one <paramref name="PartitionKey"/> are delivered in order.</summary>
public sealed record BusMessage(string MessageId, string PartitionKey, string Subject, ReadOnlyMemory<byte> Body);
