using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// The hub's bus with an observer of every publish, called once the messages are durably enqueued:
/// the benchmark learns what was pulled and which profiles changed without touching the pipeline.
/// </summary>
internal sealed class PublishTap(IChangeBus inner, Action<string, IReadOnlyList<BusMessage>> published) : IChangeBus, IMessageArrivalSignal
{
    public async Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
    {
        await inner.PublishAsync(topic, messages, cancellationToken).ConfigureAwait(false);
        published(topic, messages);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default) =>
        inner.ReceiveAsync(topic, subscription, maxMessages, cancellationToken);

    public Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default) =>
        inner.CompleteAsync(messages, cancellationToken);

    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) =>
        inner.AbandonAsync(message, reason, cancellationToken);

    public Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) =>
        inner.DeadLetterAsync(message, reason, cancellationToken);

    public Task WaitAsync(string topic, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner is IMessageArrivalSignal signal ? signal.WaitAsync(topic, timeout, cancellationToken) : Task.Delay(timeout, cancellationToken);

    /// <summary>Replaces the hub's <see cref="IChangeBus"/> (the embedded bus) with a tap on it.</summary>
    public static Action<IServiceCollection> Around(Action<string, IReadOnlyList<BusMessage>> published) => services =>
        services.AddSingleton<IChangeBus>(sp => new PublishTap(sp.GetRequiredService<SqliteChangeBus>(), published));
}
