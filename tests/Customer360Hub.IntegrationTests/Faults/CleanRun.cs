using System.Collections.Concurrent;
using Customer360Hub.Cli.Benchmarks;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Faults;

/// <summary>
/// One undisturbed run of the hub over the fault world, to which every fault test compares: what it
/// produced, and every source change its connectors sent (the input the delivery tests replay).
/// </summary>
public sealed class CleanRun : IAsyncLifetime
{
    internal ProfileSnapshot Snapshot { get; private set; } = null!;

    /// <summary>Every distinct source change, in the order the connectors sent them.</summary>
    internal IReadOnlyList<BusMessage> Changes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var folder = FaultWorld.NewDataFolder();
        var sent = new ConcurrentQueue<BusMessage>();
        try
        {
            var tap = PublishTap.Around((topic, messages) =>
            {
                if (topic == Topics.SourceChanges)
                {
                    foreach (var message in messages)
                    {
                        sent.Enqueue(message);
                    }
                }
            });
            await using (var hub = await LocalHub.StartAsync([], FaultWorld.Settings(folder), new LocalHubExtension(tap)))
            {
                await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(90));
                Snapshot = await ProfileSnapshot.TakeAsync(hub.Services.GetRequiredService<HubStore>());
            }

            Changes = sent.DistinctBy(m => m.MessageId).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The fault tests run one after another (each drives a whole hub) and share one clean run.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<CleanRun>
{
    public const string Name = "fault world";
}
