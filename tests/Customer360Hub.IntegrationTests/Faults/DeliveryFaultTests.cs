using Customer360Hub.Cli.Hosting;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Faults;

/// <summary>At-least-once delivery in the worst order, and parallel resolvers: the same profiles as one clean ordered pass.</summary>
[Collection(FaultCollection.Name)]
public sealed class DeliveryFaultTests(CleanRun clean) : IDisposable
{
    private readonly string _folder = FaultWorld.NewDataFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Resolve_EveryChangeDeliveredThreeTimesShuffled_ProfilesEqualACleanRun()
    {
        // No sources: the changes the clean run's connectors sent are the only input. Duplicate
        // detection is off, so all three copies are delivered, each at a random place in the stream
        // (older versions of a record after newer ones, transactions before their customers).
        var settings = FaultWorld.Settings(_folder, new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Embedded:Bus:DuplicateDetectionWindow"] = "00:00:00",
        });
        var deliveries = clean.Changes.Concat(clean.Changes).Concat(clean.Changes).ToArray();
        new Random(9).Shuffle(deliveries);

        await using var hub = await LocalHub.StartAsync([], settings);
        var bus = hub.Services.GetRequiredService<IChangeBus>();
        foreach (var chunk in deliveries.Chunk(50))
        {
            await bus.PublishAsync(Topics.SourceChanges, chunk);
        }

        await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(90));
        var snapshot = await ProfileSnapshot.TakeAsync(hub.Services.GetRequiredService<HubStore>());

        Assert.True(clean.Changes.Count > 100, $"only {clean.Changes.Count} changes: the world is too small to tell anything");
        Assert.True(snapshot.Lines.SequenceEqual(clean.Snapshot.Lines), snapshot.DifferenceFrom(clean.Snapshot));
        Assert.Empty(await hub.Services.GetRequiredService<IDeadLetterQueue>().ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10));
    }

    [Fact]
    public async Task Run_FourResolverWorkers_SameClustersAndProfilesAsOne()
    {
        var settings = FaultWorld.Settings(_folder, new Dictionary<string, string?> { ["Bus:Consumer:Workers"] = "4" });

        await using var hub = await LocalHub.StartAsync([], settings);
        await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(90));
        var snapshot = await ProfileSnapshot.TakeAsync(hub.Services.GetRequiredService<HubStore>());

        Assert.Equal(clean.Snapshot.Clusters, snapshot.Clusters);
        Assert.True(snapshot.Lines.SequenceEqual(clean.Snapshot.Lines), snapshot.DifferenceFrom(clean.Snapshot));
    }
}
