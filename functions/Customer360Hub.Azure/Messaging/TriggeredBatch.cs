using Customer360Hub.Messaging;
using Customer360Hub.Telemetry;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Azure.Messaging;

/// <summary>
/// One trigger invocation seen as a bus, so <see cref="BusConsumer"/> applies exactly the embedded
/// semantics: a failing batch is retried message by message, a failure abandons (Service Bus
/// redelivers), the last allowed delivery dead-letters with the error, and rejections are
/// dead-lettered with their reason. Publishing goes to the real bus.
/// </summary>
internal sealed partial class TriggeredBatch<T> : IChangeBus
{
    private const int MaxReasonLength = 4096;

    private readonly IChangeBus _publisher;
    private readonly TriggeredMessages<T> _trigger;
    private readonly int _maxDeliveryCount;
    private readonly ILogger _logger;
    private readonly Dictionary<string, T> _byLockToken;
    private readonly IReadOnlyList<ReceivedMessage> _received;
    private bool _handedOut;

    public TriggeredBatch(IChangeBus publisher, TriggeredMessages<T> trigger, int maxDeliveryCount, ILogger logger)
    {
        _logger = logger;
        _publisher = publisher;
        _trigger = trigger;
        _maxDeliveryCount = maxDeliveryCount;
        _received = trigger.Messages.Select(trigger.Read).ToList();
        _byLockToken = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < _received.Count; i++)
        {
            _byLockToken[_received[i].LockToken] = trigger.Messages[i];
        }
    }

    public Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default) =>
        _publisher.PublishAsync(topic, messages, cancellationToken);

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default)
    {
        if (_handedOut)
        {
            return Task.FromResult<IReadOnlyList<ReceivedMessage>>([]);
        }

        _handedOut = true;
        return Task.FromResult(_received);
    }

    public async Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await _trigger.Complete(Original(message), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Service Bus would dead-letter the next abandon with a bare "MaxDeliveryCountExceeded";
        // doing it here keeps the last error as the reason, as the embedded bus does.
        if (message.DeliveryCount < _maxDeliveryCount)
        {
            return _trigger.Abandon(Original(message), Shorten(reason), cancellationToken);
        }

        var final = $"gave up after {message.DeliveryCount} deliveries; last error: {reason}";
        LogGaveUp(_logger, message.MessageId, message.Topic, message.Subscription, final);
        return DeadLetterAsync(message, final, cancellationToken);
    }

    public Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reason);
        HubTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("topic", message.Topic), new KeyValuePair<string, object?>("subscription", message.Subscription));
        return _trigger.DeadLetter(Original(message), Shorten(reason), reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Topic}/{Subscription} dead-lettered: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, string topic, string subscription, string reason);

    private static string Shorten(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];

    private T Original(ReceivedMessage message) =>
        _byLockToken.TryGetValue(message.LockToken, out var original)
            ? original
            : throw new ArgumentException($"Message {message.MessageId} is not part of this trigger invocation.", nameof(message));
}
