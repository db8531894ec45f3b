using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Core.UnitTests.Resolution;

public sealed class ChangeResolverTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Handle_SameEmailFromTwoSources_OneProfileWithBothMembers()
    {
        await _hub.ResolveAsync(Party("crm", "1", "Jane@Example.com ", "Jane Doe", 1), Party("erp", "A", "jane@example.com", null, 2));

        var profile = await _hub.ProfileOfAsync("crm/contact/1");
        Assert.Equal(["crm", "erp"], profile.Sources);
        Assert.Equal(2, profile.Members.Count);
        Assert.Equal(("Jane Doe", "crm"), (profile.Fields["full_name"].Value, profile.Fields["full_name"].Source));
        Assert.Equal(await _hub.ProfileIdOfAsync("erp/contact/A"), profile.Id);
    }

    [Fact]
    public async Task Handle_StaleVersionAfterNewer_IsIgnored()
    {
        await _hub.ResolveAsync(Party("crm", "1", "jane@example.com", "Jane Newer", 5), Party("crm", "1", "jane@example.com", "Jane Older", 3));

        Assert.Equal("Jane Newer", (await _hub.ProfileOfAsync("crm/contact/1")).Fields["full_name"].Value);
    }

    [Fact]
    public async Task Handle_MalformedMessage_IsRejectedWithReasonAndOthersApply()
    {
        var bad = Received("bad", "{\"specversion\":\"1.0\"}"u8.ToArray());
        var good = Received("good", SourceChangeSerializer.Serialize(Party("crm", "1", "jane@example.com", "Jane", 1)));

        var rejections = await _hub.Get<ChangeResolver>().HandleAsync([bad, good]);

        var rejection = Assert.Single(rejections);
        Assert.Equal("bad", rejection.Message.MessageId);
        Assert.StartsWith("malformed source change:", rejection.Reason, StringComparison.Ordinal);
        Assert.NotNull(await _hub.ProfileIdOfAsync("crm/contact/1"));
    }

    [Fact]
    public async Task Handle_PersonErasedWhileTheBatchRuns_BatchLosesTheRaceAndItsRetryDropsThePerson()
    {
        var eraser = new EraseDuringBatch();
        await using var hub = TestHub.Create(configure: services =>
            services.AddSingleton<IDocumentStore>(sp => eraser.Wrap(sp.GetRequiredService<SqliteDocumentStore>())));
        var jane = Party("crm", "1", "jane@example.com", "Jane Doe", 1);
        var suppression = hub.Get<SuppressionList>();
        eraser.Arm(() => suppression.Suppress(suppression.IdentifiersOf(jane), "er-test", hub.Time.GetUtcNow()));
        var resolver = hub.Get<ChangeResolver>();
        var message = Received(jane.Id, SourceChangeSerializer.Serialize(jane));

        await Assert.ThrowsAsync<DocumentConflictException>(() => resolver.HandleAsync([message]));
        Assert.Null(await hub.ProfileIdOfAsync("crm/contact/1"));

        Assert.Empty(await resolver.HandleAsync([message]));
        Assert.Null(await hub.ProfileIdOfAsync("crm/contact/1"));
    }

    private static SourceChange Party(string source, string id, string? email, string? name, int version)
    {
        var attributes = new Dictionary<string, string>();
        if (email is not null)
        {
            attributes[CanonicalFields.Email] = email;
        }

        if (name is not null)
        {
            attributes[CanonicalFields.FullName] = name;
        }

        return TestHub.Party(source, "contact", id, version, attributes);
    }

    private static ReceivedMessage Received(string id, byte[] body) =>
        new(Topics.SourceChanges, Topics.ResolverSubscription, id, "k", "s", body, 1, DateTimeOffset.UnixEpoch, "1:x");

    /// <summary>Commits an erasure's suppression entries just as the resolver first reads the store for its batch.</summary>
    private sealed class EraseDuringBatch : IDocumentStore
    {
        private IDocumentStore _inner = null!;
        private Func<IReadOnlyList<DocumentWrite>>? _erasure;

        public IDocumentStore Wrap(IDocumentStore inner)
        {
            _inner = inner;
            return this;
        }

        public void Arm(Func<IReadOnlyList<DocumentWrite>> erasure) => _erasure = erasure;

        public async Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
        {
            await EraseOnceAsync(container, cancellationToken);
            return await _inner.ReadAsync(container, keys, cancellationToken);
        }

        public async Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
        {
            await EraseOnceAsync(container, cancellationToken);
            return await _inner.QueryAsync(container, partitionKey, query, cancellationToken);
        }

        public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(writes, cancellationToken);

        public IAsyncEnumerable<StoredDocument> ScanAsync(string container, CancellationToken cancellationToken = default) =>
            _inner.ScanAsync(container, cancellationToken);

        private async Task EraseOnceAsync(string container, CancellationToken cancellationToken)
        {
            if (container != Containers.Suppression && Interlocked.Exchange(ref _erasure, null) is { } erasure)
            {
                await _inner.WriteAsync(erasure(), cancellationToken);
            }
        }
    }
}
