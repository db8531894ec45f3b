using System.Diagnostics;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Messaging;

/// <summary>
/// Pumps one subscription into a handler: lease a batch, handle it, settle every message.
/// A failing batch is retried message by message so one poison message cannot hold the rest
/// back; a message that keeps failing ends in the dead letter with the last error as reason.
/// </summary>
public sealed partial class BusConsumer
{
    /// <summary>How many times a batch is handled whole while it keeps losing races, before it is split.</summary>
    private const int ConflictAttempts = 3;

    private readonly IChangeBus _bus;
    private readonly IMessageHandler _handler;
    private readonly int _batchSize;
    private readonly ILogger _logger;

    public BusConsumer(IChangeBus bus, IMessageHandler handler, int batchSize, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _bus = bus;
        _handler = handler;
        _batchSize = batchSize;
        _logger = logger;
    }

    /// <summary>Handles one batch if there is one; returns how many messages were leased.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = await _bus.ReceiveAsync(_handler.Topic, _handler.Subscription, _batchSize, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = HubTelemetry.Source.StartActivity("bus.handle", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", _handler.Topic);
        activity?.SetTag("messaging.destination.subscription.name", _handler.Subscription);
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        try
        {
            await HandleBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && batch.Count > 1)
        {
            LogBatchFailed(_logger, ex, _handler.Topic, _handler.Subscription, batch.Count);
            foreach (var message in batch)
            {
                await HandleOneAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await AbandonAsync(batch[0], ex, cancellationToken).ConfigureAwait(false);
        }

        return batch.Count;
    }

    /// <summary>Runs until cancelled. The batch in hand is finished before returning, so a clean stop loses nothing.</summary>
    public async Task RunAsync(IMessageArrivalSignal? signal, TimeSpan idleWait, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int leased;
            try
            {
                // The batch runs to completion even when stopping is requested.
                leased = await PumpOnceAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The bus itself failed (for example a locked file): back off and try again.
                LogPumpFailed(_logger, ex, _handler.Topic, _handler.Subscription);
                leased = 0;
            }

            if (leased == 0)
            {
                try
                {
                    if (signal is null)
                    {
                        await Task.Delay(idleWait, stoppingToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await signal.WaitAsync(_handler.Topic, idleWait, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// A batch that lost a race with a concurrent writer (a document or partition it read changed
    /// before its commit) is handled again whole: nothing in it is poison, and handling its messages
    /// one by one, each in its own commit, costs many times more than the batch.
    /// </summary>
    private async Task HandleBatchAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await HandleAndSettleAsync(batch, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DocumentConflictException ex) when (attempt < ConflictAttempts)
            {
                LogBatchConflict(_logger, ex, _handler.Topic, _handler.Subscription, batch.Count, attempt);
            }
        }
    }

    private async Task HandleOneAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAndSettleAsync([message], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await AbandonAsync(message, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAndSettleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var rejections = await _handler.HandleAsync(batch, cancellationToken).ConfigureAwait(false);
        HashSet<string>? rejected = null;
        foreach (var rejection in rejections)
        {
            (rejected ??= new HashSet<string>(StringComparer.Ordinal)).Add(rejection.Message.LockToken);
            LogRejected(_logger, _handler.Topic, _handler.Subscription, rejection.Message.MessageId, rejection.Reason);
            await _bus.DeadLetterAsync(rejection.Message, rejection.Reason, cancellationToken).ConfigureAwait(false);
        }

        var done = rejected is null ? batch : batch.Where(m => !rejected.Contains(m.LockToken)).ToList();
        if (done.Count > 0)
        {
            await _bus.CompleteAsync(done, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task AbandonAsync(ReceivedMessage message, Exception error, CancellationToken cancellationToken)
    {
        LogMessageFailed(_logger, error, _handler.Topic, _handler.Subscription, message.MessageId, message.DeliveryCount);
        return _bus.AbandonAsync(message, $"{error.GetType().Name}: {error.Message}", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch of {Count} on {Topic}/{Subscription} lost a race with a concurrent writer (attempt {Attempt}); handling it again")]
    private static partial void LogBatchConflict(ILogger logger, Exception error, string topic, string subscription, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Count} on {Topic}/{Subscription} failed; retrying one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception error, string topic, string subscription, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic}/{Subscription} failed on delivery {DeliveryCount}")]
    private static partial void LogMessageFailed(ILogger logger, Exception error, string topic, string subscription, string messageId, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic}/{Subscription} dead-lettered: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string subscription, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Receiving from {Topic}/{Subscription} failed; retrying")]
    private static partial void LogPumpFailed(ILogger logger, Exception error, string topic, string subscription);
}
