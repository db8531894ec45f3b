using System.Text;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Embedded.UnitTests.Messaging;

public sealed class SqliteChangeBusTests : IDisposable
{
    private const string Topic = Topics.SourceChanges;
    private const string Subscription = Topics.ResolverSubscription;

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Receive_SameKey_DeliversAllWaitingInPublishOrderToOneReceiver()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("a1", "key-a"), Message("b1", "key-b"), Message("a2", "key-a"), Message("a3", "key-a")]);

        var first = await bus.ReceiveAsync(Topic, Subscription, 10);
        Assert.Equal(["a1", "a2", "a3", "b1"], first.Select(m => m.MessageId));

        // While the key is held, what arrives for it waits for the holder to finish.
        await bus.PublishAsync(Topic, [Message("a4", "key-a")]);
        Assert.Empty(await bus.ReceiveAsync(Topic, Subscription, 10));
        await bus.CompleteAsync(first);
        Assert.Equal(["a4"], (await bus.ReceiveAsync(Topic, Subscription, 10)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Receive_KeyWithMoreWaitingThanTheBatch_RestComesNextInOrder()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("a1", "key-a"), Message("a2", "key-a"), Message("a3", "key-a"), Message("b1", "key-b")]);

        var first = await bus.ReceiveAsync(Topic, Subscription, 2);
        Assert.Equal(["a1", "a2"], first.Select(m => m.MessageId));
        Assert.Equal(["b1"], (await bus.ReceiveAsync(Topic, Subscription, 2)).Select(m => m.MessageId));
        await bus.CompleteAsync(first);
        Assert.Equal(["a3"], (await bus.ReceiveAsync(Topic, Subscription, 2)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Receive_FollowerWaitingForRetry_StopsTheKeyThere()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("a1", "key-a"), Message("a2", "key-a"), Message("a3", "key-a")]);
        var batch = await bus.ReceiveAsync(Topic, Subscription, 10);
        await bus.CompleteAsync([batch[0]]);
        await bus.AbandonAsync(batch[1], "boom");
        await bus.AbandonAsync(batch[2], "boom");

        // a2 and a3 wait for their retry; neither is handed out before its time, and a3 never before a2.
        Assert.Empty(await bus.ReceiveAsync(Topic, Subscription, 10));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["a2", "a3"], (await bus.ReceiveAsync(Topic, Subscription, 10)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Receive_FailedHeadOfKey_BlocksLaterMessagesOfThatKeyUntilRetried()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("a1", "key-a"), Message("a2", "key-a")]);
        var head = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));
        await bus.AbandonAsync(head, "boom");

        Assert.Empty(await bus.ReceiveAsync(Topic, Subscription, 10));
        _time.Advance(TimeSpan.FromSeconds(2));
        var retried = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));
        Assert.Equal(("a1", 2), (retried.MessageId, retried.DeliveryCount));
    }

    [Fact]
    public async Task Consumer_HandlerKeepsThrowing_DeadLettersWithReasonAfterMaxDeliveries()
    {
        using var bus = NewBus(maxDeliveries: 3);
        await bus.PublishAsync(Topic, [Message("poison", "k")]);
        var consumer = new BusConsumer(bus, new ThrowingHandler(), batchSize: 10, NullLogger.Instance);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(1, await consumer.PumpOnceAsync());
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(0, await consumer.PumpOnceAsync());
        var letter = Assert.Single(await bus.ListAsync(Topic, Subscription, 10));
        Assert.Equal("poison", letter.MessageId);
        Assert.Equal(3, letter.DeliveryCount);
        Assert.Contains("gave up after 3 deliveries", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: cannot handle poison", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consumer_OnePoisonInBatch_OthersCompleteAndPoisonIsRetriedAlone()
    {
        using var bus = NewBus(maxDeliveries: 2);
        await bus.PublishAsync(Topic, [Message("ok-1", "k1"), Message("poison", "k2"), Message("ok-2", "k3")]);
        var handler = new ThrowingHandler();
        var consumer = new BusConsumer(bus, handler, batchSize: 10, NullLogger.Instance);

        await consumer.PumpOnceAsync();

        Assert.Contains("ok-1", handler.Handled);
        Assert.Contains("ok-2", handler.Handled);
        Assert.Equal(1, bus.CountActive(Topic, Subscription));
    }

    [Fact]
    public async Task Consumer_BatchLosesARaceWithAnotherWriter_IsHandledAgainWholeNotOneByOne()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("m1", "k1"), Message("m2", "k2"), Message("m3", "k3")]);
        var handler = new RacingHandler(losses: 2);
        var consumer = new BusConsumer(bus, handler, batchSize: 10, NullLogger.Instance);

        Assert.Equal(3, await consumer.PumpOnceAsync());

        Assert.Equal([3, 3, 3], handler.BatchSizes);
        Assert.Equal(0, bus.CountActive(Topic, Subscription));
    }

    [Fact]
    public async Task Replay_DeadLetter_IsDeliveredAgainAndLeavesTheDeadLetter()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("m1", "k")]);
        var message = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));
        await bus.DeadLetterAsync(message, "malformed source change: data.kind is missing");

        Assert.Equal("malformed source change: data.kind is missing", Assert.Single(await bus.ListAsync(Topic, Subscription, 10)).Reason);
        Assert.Equal(1, await bus.ReplayAsync(Topic, Subscription, null));

        Assert.Empty(await bus.ListAsync(Topic, Subscription, 10));
        var again = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));
        Assert.Equal(("m1", 1, "payload of m1"), (again.MessageId, again.DeliveryCount, Encoding.UTF8.GetString(again.Body.Span)));
    }

    [Fact]
    public async Task Publish_SameMessageIdWithinWindow_IsKeptOnce()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("dup", "k")]);
        await bus.PublishAsync(Topic, [Message("dup", "k")]);
        Assert.Equal(1, bus.CountActive(Topic, Subscription));

        _time.Advance(TimeSpan.FromMinutes(11));
        await bus.PublishAsync(Topic, [Message("dup", "k")]);
        Assert.Equal(2, bus.CountActive(Topic, Subscription));
    }

    [Fact]
    public async Task HasActive_WaitingOrInFlightMessages_TrueUntilCompleted()
    {
        using var bus = NewBus();
        Assert.False(bus.HasActive(Topic, Subscription));
        await bus.PublishAsync(Topic, [Message("m1", "k")]);
        Assert.True(bus.HasActive(Topic, Subscription));
        Assert.False(bus.HasActive(Topics.ProfileChanges, Topics.ScorerSubscription));

        var leased = await bus.ReceiveAsync(Topic, Subscription, 1);
        Assert.True(bus.HasActive(Topic, Subscription));
        await bus.CompleteAsync(leased);

        Assert.False(bus.HasActive(Topic, Subscription));
    }

    [Fact]
    public async Task Receive_LeaseExpires_MessageIsDeliveredAgain()
    {
        using var bus = NewBus();
        await bus.PublishAsync(Topic, [Message("m1", "k")]);
        var first = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));

        _time.Advance(TimeSpan.FromSeconds(31));
        var second = Assert.Single(await bus.ReceiveAsync(Topic, Subscription, 1));
        Assert.Equal(2, second.DeliveryCount);

        // The first receiver's lease is gone: its late completion must not remove the redelivered message.
        await bus.CompleteAsync([first]);
        Assert.Equal(1, bus.CountActive(Topic, Subscription));
        await bus.CompleteAsync([second]);
        Assert.Equal(0, bus.CountActive(Topic, Subscription));
    }

    [Fact]
    public async Task Receive_ProcessKilledWhileHoldingLease_MessageIsDeliveredAgainAfterRestart()
    {
        var path = _folder.File("bus.db");
        var lockDuration = TimeSpan.FromMilliseconds(1500);
        using (var publisher = new SqliteChangeBus(path, Options.Create(new SqliteBusOptions { LockDuration = lockDuration }), TimeProvider.System))
        {
            await publisher.PublishAsync(Topic, [Message("in-flight", "k")]);
        }

        using var worker = TestWorkerProcess.Start("lease", path, ((int)lockDuration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("LEASED in-flight", await worker.ReadLineAsync(TimeSpan.FromSeconds(60)));

        await worker.KillAsync();
        Assert.NotEqual(0, worker.ExitCode);

        using var restarted = new SqliteChangeBus(path, Options.Create(new SqliteBusOptions { LockDuration = lockDuration }), TimeProvider.System);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<ReceivedMessage> redelivered = [];
        while (redelivered.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            redelivered = await restarted.ReceiveAsync(Topic, Subscription, 1);
        }

        var message = Assert.Single(redelivered);
        Assert.Equal(("in-flight", 2), (message.MessageId, message.DeliveryCount));
    }

    private SqliteChangeBus NewBus(int maxDeliveries = 10) => new(
        _folder.File("bus.db"),
        Options.Create(new SqliteBusOptions { MaxDeliveryCount = maxDeliveries, LockDuration = TimeSpan.FromSeconds(30), RetryBaseDelay = TimeSpan.FromSeconds(1) }),
        _time);

    private static BusMessage Message(string id, string key) => new(id, key, "test", Encoding.UTF8.GetBytes("payload of " + id));

    /// <summary>Loses its commit to a concurrent writer the first <c>losses</c> times.</summary>
    private sealed class RacingHandler(int losses) : IMessageHandler
    {
        public List<int> BatchSizes { get; } = [];

        public string Topic => SqliteChangeBusTests.Topic;

        public string Subscription => SqliteChangeBusTests.Subscription;

        public Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
        {
            BatchSizes.Add(messages.Count);
            if (BatchSizes.Count <= losses)
            {
                throw new DocumentConflictException("profiles", DocumentKey.Single("p1"), "it changed since it was read");
            }

            return Task.FromResult<IReadOnlyList<Rejection>>([]);
        }
    }

    private sealed class ThrowingHandler : IMessageHandler
    {
        public List<string> Handled { get; } = [];

        public string Topic => SqliteChangeBusTests.Topic;

        public string Subscription => SqliteChangeBusTests.Subscription;

        public Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
        {
            if (messages.Any(m => m.MessageId == "poison"))
            {
                throw new InvalidOperationException("cannot handle poison");
            }

            Handled.AddRange(messages.Select(m => m.MessageId));
            return Task.FromResult<IReadOnlyList<Rejection>>([]);
        }
    }
}
