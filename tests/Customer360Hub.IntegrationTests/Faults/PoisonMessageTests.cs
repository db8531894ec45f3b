using System.Text;
using Customer360Hub.Changes;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Faults;

/// <summary>
/// Messages that cannot be processed end in the dead letter with their reason, the rest flows, and
/// <c>c360 dlq list</c> / <c>c360 dlq replay</c> bring them back once the cause is gone, on a running hub.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PoisonMessageTests : IDisposable
{
    private readonly string _folder = FaultWorld.NewDataFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_MalformedAndRepeatedlyFailingMessages_DeadLetteredWithReasonThenReplayedByDlqCommand()
    {
        var settings = FaultWorld.Settings(_folder, new Dictionary<string, string?>
        {
            ["Embedded:Bus:MaxDeliveryCount"] = "3",
            ["Embedded:BusyTimeout"] = "00:00:00.100",
        });
        await using var hub = await LocalHub.StartAsync([], settings);
        await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(90));
        var bus = hub.Services.GetRequiredService<IChangeBus>();
        var deadLetters = hub.Services.GetRequiredService<IDeadLetterQueue>();

        // A producer sends something that is not a source change: dead-lettered at once, with why.
        await bus.PublishAsync(Topics.SourceChanges, [new BusMessage("poison-not-json", "poison", "party", Encoding.UTF8.GetBytes("{\"specversion\":\"0.3\""))]);

        // Another process holds a write lock on the store while the sources change: every delivery
        // of those changes fails until the bus gives up on them.
        await using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "store.db"), Pooling = false }.ToString()))
        {
            await locker.OpenAsync();
            await using (var exclusive = locker.CreateCommand())
            {
                exclusive.CommandText = "BEGIN EXCLUSIVE;";
                await exclusive.ExecuteNonQueryAsync();
            }

            for (var tick = 0; tick < 3; tick++)
            {
                await hub.Sandbox!.AdvanceAsync();
            }

            await UntilAsync(async () => (await deadLetters.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1000)).Count > 1
                && hub.Services.GetRequiredService<Embedded.Messaging.SqliteChangeBus>().CountActive(Topics.SourceChanges, Topics.ResolverSubscription) == 0);
        }

        var letters = await deadLetters.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1000);
        var poison = Assert.Single(letters, l => l.MessageId == "poison-not-json");
        Assert.StartsWith("malformed source change:", poison.Reason, StringComparison.Ordinal);
        var exhausted = letters.Where(l => l.MessageId != poison.MessageId).ToList();
        Assert.All(exhausted, l => Assert.Matches("^gave up after 3 deliveries; last error: DataFolderUnavailableException: The store file '.*store.db' is locked by another process", l.Reason));

        var list = await CliProcess.RunAsync("dlq", "list", "--data", _folder);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"{letters.Count} dead letter(s) on source-changes/resolver", list.Output, StringComparison.Ordinal);
        Assert.All(letters, l => Assert.Contains(l.MessageId + "\t", list.Output, StringComparison.Ordinal));
        Assert.Contains("is locked by another process", list.Output, StringComparison.Ordinal);

        // The lock is gone: replay what failed for that reason; the malformed message stays.
        var replayArgs = new List<string> { "dlq", "replay", "--data", _folder };
        foreach (var letter in exhausted)
        {
            replayArgs.AddRange(["--id", letter.MessageId]);
        }

        var replay = await CliProcess.RunAsync([.. replayArgs]);
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"Replayed {exhausted.Count} message(s)", replay.Output, StringComparison.Ordinal);

        await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(60));
        Assert.Equal(["poison-not-json"], (await deadLetters.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1000)).Select(l => l.MessageId));
        var store = hub.Services.GetRequiredService<HubStore>();
        foreach (var letter in exhausted)
        {
            var change = SourceChangeSerializer.Deserialize(letter.Body.Span);
            var record = await store.Records.GetAsync(DocumentKey.Single(change.RecordKey));
            Assert.True(record is not null && !record.Document.IsOlderThan(change), $"{change.RecordKey} version {change.SourceVersion} was not applied after the replay");
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the dead letters did not arrive within 60 s");
            await Task.Delay(100);
        }
    }
}
