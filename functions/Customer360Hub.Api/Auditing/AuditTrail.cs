using System.Threading.Channels;
using Customer360Hub.Auditing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Auditing;

/// <summary>
/// Writes audit records off the request path: a read's record goes into a bounded channel and a
/// background writer appends batches to the <see cref="IAuditLog"/>, letting reads' records gather
/// for <see cref="AuditTrailOptions.FlushDelay"/> first. A full channel makes requests
/// wait rather than drop records; a failed append is retried until it succeeds; stopping drains the
/// channel. A change's record is awaited until durable before the change is answered.
/// </summary>
public sealed partial class AuditTrail : BackgroundService
{
    private readonly IAuditLog _log;
    private readonly AuditTrailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Channel<Entry> _channel;

    public AuditTrail(IAuditLog log, IOptions<AuditTrailOptions> options, TimeProvider time, ILogger<AuditTrail> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = log;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<Entry>(new BoundedChannelOptions(_options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues a read's record; returns at once unless the buffer is full.</summary>
    public ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        if (_channel.Writer.TryWrite(new Entry(record, null)))
        {
            return ValueTask.CompletedTask;
        }

        return WriteSlowAsync(new Entry(record, null), cancellationToken);
    }

    /// <summary>Writes a change's record and completes when it is durable.</summary>
    public async Task RecordDurablyAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await WriteSlowAsync(new Entry(record, durable), cancellationToken).ConfigureAwait(false);
        await durable.Task.WaitAsync(_options.DurableTimeout, _time, cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The loop ends when the channel is completed and empty, not on the stopping token, so
        // everything queued before shutdown is written.
        var batch = new List<Entry>(_options.BatchSize);
        while (await _channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            Drain(batch);
            if (batch.Count < _options.BatchSize && _options.FlushDelay > TimeSpan.Zero && !batch.Exists(e => e.Durable is not null))
            {
                // Real time, not the injected clock: the wait is a batching interval of this
                // process, and a host run on a frozen clock must still write its trail.
                await Task.Delay(_options.FlushDelay, CancellationToken.None).ConfigureAwait(false);
                Drain(batch);
            }

            await AppendWithRetryAsync(batch).ConfigureAwait(false);
            foreach (var entry in batch)
            {
                entry.Durable?.TrySetResult();
            }

            batch.Clear();
        }
    }

    private void Drain(List<Entry> batch)
    {
        while (batch.Count < _options.BatchSize && _channel.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    private async ValueTask WriteSlowAsync(Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the writer has stopped taking records, so write this one directly.
            await _log.AppendAsync([entry.Record], cancellationToken).ConfigureAwait(false);
            entry.Durable?.TrySetResult();
        }
    }

    private async Task AppendWithRetryAsync(List<Entry> batch)
    {
        var records = batch.ConvertAll(e => e.Record);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _log.AppendAsync(records).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never drop audit records: keep the batch and retry with backoff; the bounded
                // channel pushes back on requests meanwhile.
                LogAppendFailed(_logger, ex, records.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * attempt * attempt)), _time).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} audit records failed (attempt {Attempt}); retrying")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count, int attempt);

    private readonly record struct Entry(AuditRecord Record, TaskCompletionSource? Durable);
}
