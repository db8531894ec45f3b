using Customer360Hub.Changes;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Messaging;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Core.UnitTests.Resolution;

public sealed class ChangeResolverTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqliteDocumentStore _documents;
    private readonly SqliteChangeBus _bus;
    private readonly HubStore _store;
    private readonly ChangeResolver _resolver;

    public ChangeResolverTests()
    {
        _documents = new SqliteDocumentStore(Path.Combine(_folder, "store.db"), _time);
        _bus = new SqliteChangeBus(Path.Combine(_folder, "bus.db"), Options.Create(new SqliteBusOptions()), _time);
        _store = new HubStore(_documents);
        _resolver = new ChangeResolver(_store, _bus, new IdentityResolver(_store, _time), new TransactionLinker(_store, _time), new ProfileComposer(_store, _time), _time, NullLogger<ChangeResolver>.Instance);
    }

    public void Dispose()
    {
        _documents.Dispose();
        _bus.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Handle_SameEmailFromTwoSources_OneProfileWithBothMembers()
    {
        await ResolveAsync(Party("crm", "1", "Jane@Example.com ", "Jane Doe", 1), Party("erp", "A", "jane@example.com", null, 2));

        var profile = await ProfileOfAsync("crm/contact/1");
        Assert.Equal(["crm", "erp"], profile.Sources);
        Assert.Equal(2, profile.Members.Count);
        Assert.Equal(("Jane Doe", "crm"), (profile.Fields["full_name"].Value, profile.Fields["full_name"].Source));
        Assert.Equal(await ProfileIdOfAsync("erp/contact/A"), profile.Id);
    }

    [Fact]
    public async Task Handle_StaleVersionAfterNewer_IsIgnored()
    {
        await ResolveAsync(Party("crm", "1", "jane@example.com", "Jane Newer", 5), Party("crm", "1", "jane@example.com", "Jane Older", 3));

        Assert.Equal("Jane Newer", (await ProfileOfAsync("crm/contact/1")).Fields["full_name"].Value);
    }

    [Fact]
    public async Task Handle_TransactionBeforeItsCustomer_IsLinkedWhenTheCustomerArrives()
    {
        var ticket = new SourceChange
        {
            Id = "t1",
            Source = "crm",
            EntityType = "case",
            Kind = RecordKind.Ticket,
            RecordId = "T1",
            SourceVersion = "1",
            ModifiedAt = _time.GetUtcNow(),
            Operation = ChangeOperation.Upsert,
            CustomerRef = "crm/contact/1",
            Attributes = new Dictionary<string, string> { ["title"] = "Help" },
        };
        await ResolveAsync(ticket);
        Assert.Empty(await _store.Profiles.ScanAsync().ToListAsync());

        await ResolveAsync(Party("crm", "1", "jane@example.com", "Jane", 1));

        var profile = await ProfileOfAsync("crm/contact/1");
        Assert.Equal(1, profile.TransactionCounts["ticket"]);
    }

    [Fact]
    public async Task Handle_MalformedMessage_IsRejectedWithReasonAndOthersApply()
    {
        var bad = Received("bad", "{\"specversion\":\"1.0\"}"u8.ToArray());
        var good = Received("good", SourceChangeSerializer.Serialize(Party("crm", "1", "jane@example.com", "Jane", 1)));

        var rejections = await _resolver.HandleAsync([bad, good]);

        var rejection = Assert.Single(rejections);
        Assert.Equal("bad", rejection.Message.MessageId);
        Assert.StartsWith("malformed source change:", rejection.Reason, StringComparison.Ordinal);
        Assert.NotNull(await ProfileIdOfAsync("crm/contact/1"));
    }

    private SourceChange Party(string source, string id, string? email, string? name, int version)
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

        return new SourceChange
        {
            Id = IdempotencyId.For(source, "contact", id, version.ToString(System.Globalization.CultureInfo.InvariantCulture), ChangeOperation.Upsert),
            Source = source,
            EntityType = "contact",
            Kind = RecordKind.Party,
            RecordId = id,
            SourceVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ModifiedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddHours(version),
            Operation = ChangeOperation.Upsert,
            Attributes = attributes,
        };
    }

    private async Task ResolveAsync(params SourceChange[] changes)
    {
        foreach (var change in changes)
        {
            Assert.Empty(await _resolver.HandleAsync([Received(change.Id, SourceChangeSerializer.Serialize(change))]));
        }
    }

    private static ReceivedMessage Received(string id, byte[] body) =>
        new(Topics.SourceChanges, Topics.ResolverSubscription, id, "k", "s", body, 1, DateTimeOffset.UnixEpoch, "1:x");

    private async Task<string?> ProfileIdOfAsync(string recordKey) =>
        (await _store.Records.GetAsync(DocumentKey.Single(recordKey)))?.Document.ProfileId;

    private async Task<Customer360Hub.Profiles.GoldenProfile> ProfileOfAsync(string recordKey) =>
        (await _store.GetProfileAsync((await ProfileIdOfAsync(recordKey))!))!.Document;
}
