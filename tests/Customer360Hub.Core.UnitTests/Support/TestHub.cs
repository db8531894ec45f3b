using System.Globalization;
using Customer360Hub.Changes;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Core.UnitTests.Support;

/// <summary>The core on the real embedded ports in a temporary data folder, with a fake clock.</summary>
public sealed class TestHub : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private TestHub(string folder, FakeTimeProvider time, ServiceProvider services)
    {
        Folder = folder;
        Time = time;
        _services = services;
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; }

    public HubStore Store => Get<HubStore>();

    public static TestHub Create(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(Start);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Embedded:DataFolder"] = folder,
                ["Privacy:HashKey"] = "test-hash-key-0123456789abcdef0123456789",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddCustomer360Core()
            .AddCustomer360Embedded();
        configure?.Invoke(collection);
        return new TestHub(folder, time, collection.BuildServiceProvider());
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Handles each change as its own bus delivery, as the consumer would.</summary>
    public async Task ResolveAsync(params SourceChange[] changes)
    {
        var resolver = Get<ChangeResolver>();
        foreach (var change in changes)
        {
            var message = new ReceivedMessage(Topics.SourceChanges, Topics.ResolverSubscription, change.Id, change.PartitionKey, "s", SourceChangeSerializer.Serialize(change), 1, Time.GetUtcNow(), "1:x");
            Assert.Empty(await resolver.HandleAsync([message]));
        }
    }

    /// <summary>
    /// One scorer pass: hands every profile change waiting on the bus (one per profile) to the
    /// scorer in one batch, as the consumer would; returns how many it handled.
    /// </summary>
    public async Task<int> ScorePassAsync()
    {
        var bus = Get<IChangeBus>();
        var messages = await bus.ReceiveAsync(Topics.ProfileChanges, Topics.ScorerSubscription, 1000);
        if (messages.Count > 0)
        {
            Assert.Empty(await Get<Customer360Hub.Scoring.ProfileScorer>().HandleAsync(messages));
            await bus.CompleteAsync(messages);
        }

        return messages.Count;
    }

    /// <summary>Scorer passes until no profile change waits.</summary>
    public async Task ScoreAllAsync()
    {
        while (await ScorePassAsync() > 0)
        {
        }
    }

    public async Task<ProfileScore?> ScoreOfAsync(string profileId) =>
        (await Store.Scores.GetAsync(DocumentKey.Single(profileId)))?.Document;

    public async Task<string?> ProfileIdOfAsync(string recordKey) =>
        await Get<CustomerRefs>().ProfileOfRecordAsync(recordKey);

    public async Task<GoldenProfile> ProfileOfAsync(string recordKey) =>
        (await Store.GetProfileAsync((await ProfileIdOfAsync(recordKey)) ?? throw new InvalidOperationException($"{recordKey} has no profile")))!.Document;

    public async Task<ProfileAggregates?> AggregatesOfAsync(string profileId) =>
        (await Store.Aggregates.GetAsync(new DocumentKey(profileId, ProfileAggregates.DocumentId)))?.Document;

    public async Task<List<TimelineEntry>> TimelineOfAsync(string profileId) =>
        (await Store.Timeline.QueryAsync(profileId, new DocumentQuery(Limit: 1000, IdPrefix: TimelineEntry.IdPrefix))).Items.Select(e => e.Document).ToList();

    public static SourceChange Party(string source, string entityType, string recordId, int version, IReadOnlyDictionary<string, string> attributes, DateTimeOffset? modifiedAt = null) =>
        Change(source, entityType, recordId, RecordKind.Party, version, attributes, null, modifiedAt);

    public static SourceChange Transaction(string source, string entityType, string recordId, RecordKind kind, string customerRef, IReadOnlyDictionary<string, string> attributes, int version = 1, DateTimeOffset? modifiedAt = null) =>
        Change(source, entityType, recordId, kind, version, attributes, customerRef, modifiedAt);

    public static SourceChange Deleted(SourceChange change, int version) => change with
    {
        Id = IdempotencyId.For(change.Source, change.EntityType, change.RecordId, version.ToString(CultureInfo.InvariantCulture), ChangeOperation.Delete),
        SourceVersion = version.ToString(CultureInfo.InvariantCulture),
        ModifiedAt = change.ModifiedAt.AddHours(version),
        Operation = ChangeOperation.Delete,
        Attributes = new Dictionary<string, string>(),
    };

    private static SourceChange Change(string source, string entityType, string recordId, RecordKind kind, int version, IReadOnlyDictionary<string, string> attributes, string? customerRef, DateTimeOffset? modifiedAt)
    {
        var text = version.ToString(CultureInfo.InvariantCulture);
        return new SourceChange
        {
            Id = IdempotencyId.For(source, entityType, recordId, text, ChangeOperation.Upsert),
            Source = source,
            EntityType = entityType,
            Kind = kind,
            RecordId = recordId,
            SourceVersion = text,
            ModifiedAt = modifiedAt ?? new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddHours(version),
            Operation = ChangeOperation.Upsert,
            PulledAt = Start,
            CustomerRef = customerRef,
            Attributes = attributes,
        };
    }

    /// <summary>Closes every file of the data folder but leaves them for inspection.</summary>
    public async Task DisposeKeepingFilesAsync() => await _services.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
