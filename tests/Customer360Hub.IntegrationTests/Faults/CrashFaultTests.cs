using Customer360Hub.Cli.Hosting;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Faults;

/// <summary>The whole host killed with SIGKILL in the middle of ingesting, again and again.</summary>
[Collection(FaultCollection.Name)]
public sealed class CrashFaultTests(CleanRun clean) : IDisposable
{
    private readonly string _folder = FaultWorld.NewDataFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_KilledThreeTimesDuringIngest_NothingLostNothingTwiceProfilesEqualACleanRun()
    {
        var settings = FaultWorld.Settings(_folder, new Dictionary<string, string?> { ["Sandbox:Port"] = FaultWorld.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var total = clean.Snapshot.Records;
        var step = Math.Max(1, total / 6);
        var killedAt = new List<long>();
        for (var kill = 1; kill <= 3; kill++)
        {
            // Each life of the process gets a little further before it is cut off mid-stream:
            // connectors pulling and publishing, the resolver inside a batch, the scorer behind.
            using var hub = HubProcess.Start(settings);
            var before = HubProcess.CommittedRecords(_folder);
            var committed = await hub.WaitForRecordsAsync(before + step, TimeSpan.FromSeconds(60));
            await hub.KillAsync();
            killedAt.Add(committed);
        }

        Assert.All(killedAt, committed => Assert.True(committed < total, $"killed at {string.Join(", ", killedAt)} of {total} records: not during ingest"));

        await using var restarted = await LocalHub.StartAsync([], settings);
        await HubQuiescence.WaitAsync(restarted, TimeSpan.FromSeconds(90));
        var snapshot = await ProfileSnapshot.TakeAsync(restarted.Services.GetRequiredService<HubStore>());

        Assert.True(snapshot.Lines.SequenceEqual(clean.Snapshot.Lines), snapshot.DifferenceFrom(clean.Snapshot));
        var deadLetters = restarted.Services.GetRequiredService<IDeadLetterQueue>();
        Assert.Empty(await deadLetters.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10));
        Assert.Empty(await deadLetters.ListAsync(Topics.ProfileChanges, Topics.ScorerSubscription, 10));
    }
}
