namespace Customer360Hub.Api.DeadLetters;

/// <summary>A dead letter as the admin endpoint shows it (the body as text: it is CloudEvents JSON).</summary>
public sealed record DeadLetterView(
    string Topic,
    string Subscription,
    string MessageId,
    string PartitionKey,
    string Subject,
    int DeliveryCount,
    string Reason,
    DateTimeOffset DeadLetteredAt,
    string Body);
