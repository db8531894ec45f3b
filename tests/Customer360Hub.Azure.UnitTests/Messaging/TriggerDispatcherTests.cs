using System.Text;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Customer360Hub.Azure.UnitTests.Messaging;

/// <summary>A trigger's batch is settled with the embedded bus's rules: complete, retry, dead letter with a reason.</summary>
public sealed class TriggerDispatcherTests
{
    private readonly Mock<IChangeBus> _bus = new();
    private readonly List<string> _settled = [];

    [Fact]
    public async Task DispatchAsync_HandledBatch_CompletesEveryMessage()
    {
        var handler = new ScriptedHandler();

        await Dispatcher(handler).DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, Batch(("a", 1), ("b", 1)));

        Assert.Equal(["complete a", "complete b"], _settled);
    }

    [Fact]
    public async Task DispatchAsync_RejectedMessage_IsDeadLetteredWithItsReasonAndTheRestCompleted()
    {
        var handler = new ScriptedHandler();

        await Dispatcher(handler).DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, Batch(("poison", 1), ("b", 1)));

        Assert.Equal(["dead-letter poison: malformed source change: poison", "complete b"], _settled);
    }

    [Fact]
    public async Task DispatchAsync_FailingMessage_IsRetriedAloneThenAbandonedSoServiceBusRedelivers()
    {
        var handler = new ScriptedHandler();

        await Dispatcher(handler).DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, Batch(("a", 1), ("fail", 3)));

        Assert.Equal(["complete a", "abandon fail: TimeoutException: store timed out"], _settled);
    }

    [Fact]
    public async Task DispatchAsync_FailingOnItsLastDelivery_IsDeadLetteredWithTheLastError()
    {
        var handler = new ScriptedHandler();

        await Dispatcher(handler).DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, Batch(("fail", 10)));

        Assert.Equal(["dead-letter fail: gave up after 10 deliveries; last error: TimeoutException: store timed out"], _settled);
    }

    [Fact]
    public async Task DispatchAsync_VeryLongReason_IsShortenedForTheReasonAndKeptWhole()
    {
        var handler = new ScriptedHandler { PoisonReason = new string('r', 10_000) };
        string? reason = null, description = null;
        var batch = Batch(("poison", 1)) with { DeadLetter = (_, r, d, _) => { (reason, description) = (r, d); return Task.CompletedTask; } };

        await Dispatcher(handler).DispatchAsync(Topics.SourceChanges, Topics.ResolverSubscription, batch);

        Assert.Equal(4096, reason!.Length);
        Assert.Equal(10_000 + "malformed source change: ".Length, description!.Length);
    }

    [Fact]
    public async Task DispatchAsync_SubscriptionWithoutHandler_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Dispatcher(new ScriptedHandler()).DispatchAsync("unknown", "nobody", Batch(("a", 1))));
    }

    private TriggerDispatcher Dispatcher(IMessageHandler handler) =>
        new(_bus.Object, [handler], Options.Create(new ServiceBusOptions { FullyQualifiedNamespace = "x.servicebus.windows.net", MaxDeliveryCount = 10 }), NullLogger<BusConsumer>.Instance);

    private TriggeredMessages<(string Body, int Deliveries)> Batch(params (string Body, int Deliveries)[] messages) => new(
        messages,
        m => new ReceivedMessage(Topics.SourceChanges, Topics.ResolverSubscription, "id-" + m.Body, "key-" + m.Body, "Party", Encoding.UTF8.GetBytes(m.Body), m.Deliveries, DateTimeOffset.UnixEpoch, "lock-" + m.Body),
        (m, _) => Settle($"complete {m.Body}"),
        (m, reason, _) => Settle($"abandon {m.Body}: {reason}"),
        (m, reason, _, _) => Settle($"dead-letter {m.Body}: {reason}"));

    private Task Settle(string what)
    {
        _settled.Add(what);
        return Task.CompletedTask;
    }

    /// <summary>Rejects "poison", throws a timeout for "fail", and accepts the rest.</summary>
    private sealed class ScriptedHandler : IMessageHandler
    {
        public string PoisonReason { get; init; } = "poison";

        public string Topic => Topics.SourceChanges;

        public string Subscription => Topics.ResolverSubscription;

        public Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
        {
            if (messages.Any(m => Encoding.UTF8.GetString(m.Body.Span) == "fail"))
            {
                throw new TimeoutException("store timed out");
            }

            return Task.FromResult<IReadOnlyList<Rejection>>(messages.Where(m => Encoding.UTF8.GetString(m.Body.Span) == "poison").Select(m => new Rejection(m, "malformed source change: " + PoisonReason)).ToList());
        }
    }
}
