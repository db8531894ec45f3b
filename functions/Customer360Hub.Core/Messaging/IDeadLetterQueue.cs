namespace Customer360Hub.Messaging;

/// <summary>Inspects and replays dead letters (ops and the <c>c360 dlq</c> verbs).</summary>
public interface IDeadLetterQueue
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string subscription, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Sends dead letters back to their subscription as fresh deliveries; all of them when <paramref name="messageIds"/> is null. Returns how many.</summary>
    Task<int> ReplayAsync(string topic, string subscription, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken = default);
}
