using System.Diagnostics;
using System.Net;
using Customer360Hub.Changes;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Messaging;
using Customer360Hub.Sandbox.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Customer360Hub.Connectors.UnitTests.Sdk;

/// <summary>Every connector against the sandbox: the behaviour the hub relies on, source by source.</summary>
public sealed class ConnectorContractTests
{
    public static TheoryData<string> Sources => new(SourceNames.BusinessCentral, SourceNames.Stripe, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.Graph, SourceNames.FileDrop);

    /// <summary>The connectors whose systems hold party records.</summary>
    public static TheoryData<string> PartySources => new(SourceNames.BusinessCentral, SourceNames.Stripe, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.FileDrop);

    /// <summary>The connectors that talk HTTP (the file drop reads files).</summary>
    public static TheoryData<string> HttpSources => new(SourceNames.BusinessCentral, SourceNames.Stripe, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.Graph);

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SyncAsync_FirstPassInSmallPages_PublishesEveryRecordOnce(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source);

        var result = await harness.SyncAsync();
        var changes = await harness.DrainAsync();

        var expected = harness.Expected();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), changes.Select(c => c.RecordKey).Order());
        Assert.True(result.Pages > harness.Registration.Connector.EntityTypes.Count, $"{result.Pages} pages: paging was not exercised");
        Assert.All(changes.Where(c => c.Kind != RecordKind.Party), c => Assert.False(string.IsNullOrEmpty(c.CustomerRef)));
    }

    [Theory]
    [MemberData(nameof(PartySources))]
    public async Task SyncAsync_PartyRecords_CarryTheSameCanonicalValuesAsTheBatchExport(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source);

        await harness.SyncAsync();
        var parties = (await harness.DrainAsync()).Where(c => c.Kind == RecordKind.Party).ToList();

        var world = harness.Sandbox.World;
        var views = harness.Registration.Connector.EntityTypes
            .SelectMany(e => world.Records(source, e).Where(r => r.Party is not null).Select(r => (Entity: e, r.Party!)))
            .ToDictionary(v => RecordKeys.Of(source, v.Entity, v.Item2.RecordId), v => v.Item2);
        Assert.NotEmpty(parties);
        Assert.All(parties, change =>
        {
            var view = views[change.RecordKey];
            string? Value(string field) => change.Attributes.GetValueOrDefault(field);
            static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            Assert.Equal(Clean(view.Email), Value(CanonicalFields.Email));
            Assert.Equal(Clean(view.Phone), Value(CanonicalFields.Phone));
            Assert.Equal(Clean(view.City), Value(CanonicalFields.City));
            Assert.Equal(Clean(view.Postcode), Value(CanonicalFields.Postcode));
            if (view.PartyType == CustomerType.Organization)
            {
                Assert.Equal(Clean(view.CompanyName), Value(CanonicalFields.CompanyName));
            }
            else
            {
                Assert.Equal((Clean(view.GivenName), Clean(view.FamilyName), Clean(view.FullName)), (Value(CanonicalFields.GivenName), Value(CanonicalFields.FamilyName), Value(CanonicalFields.FullName)));
            }
        });
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SyncAsync_AfterTheWorldMovesOn_FetchesOnlyWhatChanged(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source);
        await harness.SyncAsync();
        await harness.DrainAsync();

        // Until this source has seen a few changes (the world changes a random source each time).
        for (var i = 0; i < 40 && (i < 3 || harness.Expected(harness.Sandbox.World.Options.Epoch).Count < 3); i++)
        {
            await harness.Sandbox.AdvanceAsync();
        }

        await harness.SyncAsync();
        var changes = await harness.DrainAsync();

        var changed = harness.Expected(harness.Sandbox.World.Options.Epoch);
        Assert.NotEmpty(changed);
        Assert.Equal(changed.Order(), changes.Select(c => c.RecordKey).Distinct().Order());
        Assert.All(changes.Where(c => c.Operation == ChangeOperation.Delete), c => Assert.Contains(c.RecordKey, changed));
    }

    [Theory]
    [MemberData(nameof(HttpSources))]
    public async Task SyncAsync_RateLimitedWithRetryAfter_WaitsThenCompletes(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source);
        harness.Sandbox.Faults.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await harness.SyncAsync();

        var changes = await harness.DrainAsync();
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(1, harness.Sandbox.Faults.Failed);
        Assert.Equal(harness.Expected().Order(), changes.Select(c => c.RecordKey).Order());
    }

    [Theory]
    [MemberData(nameof(HttpSources))]
    public async Task SyncAsync_StormOfServerErrors_LosesNothing(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source);
        harness.Sandbox.Faults.ServerErrorRate = 0.5;
        var scheduler = harness.Get<ConnectorScheduler>();

        for (var pass = 0; pass < 10 && await scheduler.SyncOnceAsync(harness.Registration, CancellationToken.None) is null; pass++)
        {
        }

        harness.Sandbox.Faults.ServerErrorRate = 0;
        await scheduler.SyncOnceAsync(harness.Registration, CancellationToken.None);

        var changes = await harness.DrainAsync();
        Assert.True(harness.Sandbox.Faults.Failed >= 3, $"only {harness.Sandbox.Faults.Failed} server errors were injected");
        Assert.Equal(harness.Expected().Order(), changes.Select(c => c.RecordKey).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SyncAsync_MalformedRecords_QuarantinedWithReasonWhileTheRestFlows(string source)
    {
        await using var harness = await ConnectorHarness.StartAsync(source, malformedRate: 0.15);

        var result = await harness.SyncAsync();

        var changes = await harness.DrainAsync();
        var quarantined = await harness.QuarantinedAsync();
        var broken = harness.Expected(includeMalformed: true);
        broken.ExceptWith(harness.Expected());
        Assert.NotEmpty(broken);
        Assert.Equal(harness.Expected().Order(), changes.Select(c => c.RecordKey).Order());
        Assert.Equal(result.Quarantined, quarantined.Count);
        Assert.Equal(broken.Count, quarantined.Count);
        Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        Assert.All(quarantined, q => Assert.Equal(source, q.Source));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SyncAsync_CrashBetweenPullAndSend_ResumesWithoutLossOrDuplicates(string source)
    {
        var crashing = new CrashingBus();
        await using var harness = await ConnectorHarness.StartAsync(source, configure: services =>
        {
            services.AddSingleton(crashing);
            services.Replace(ServiceDescriptor.Singleton<IChangeBus>(sp => crashing.Wrap(sp.GetRequiredService<Embedded.Messaging.SqliteChangeBus>())));
        });

        await Assert.ThrowsAsync<IOException>(harness.SyncAsync);
        await harness.SyncAsync();

        var changes = await harness.DrainAsync();
        Assert.Equal(harness.Expected().Order(), changes.Select(c => c.RecordKey).Order());
        Assert.Equal(changes.Count, changes.Select(c => c.Id).Distinct().Count());
    }

    /// <summary>A bus whose second publish dies as a process would: after the page was pulled and archived, before it was sent.</summary>
    private sealed class CrashingBus
    {
        private int _publishes;

        public IChangeBus Wrap(IChangeBus inner) => new Decorator(inner, this);

        private sealed class Decorator(IChangeBus inner, CrashingBus owner) : IChangeBus
        {
            public Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default) =>
                Interlocked.Increment(ref owner._publishes) == 2 ? throw new IOException("The process died before sending.") : inner.PublishAsync(topic, messages, cancellationToken);

            public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default) =>
                inner.ReceiveAsync(topic, subscription, maxMessages, cancellationToken);

            public Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default) => inner.CompleteAsync(messages, cancellationToken);

            public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) => inner.AbandonAsync(message, reason, cancellationToken);

            public Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(message, reason, cancellationToken);
        }
    }
}
