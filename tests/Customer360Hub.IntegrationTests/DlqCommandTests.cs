using System.Text;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.IntegrationTests;

public sealed class DlqCommandTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    [Fact]
    public async Task ListAndReplay_DeadLetter_ShowsReasonThenRequeues()
    {
        var busPath = Path.Combine(_dataFolder, "bus.db");
        using (var bus = new SqliteChangeBus(busPath, Options.Create(new SqliteBusOptions()), TimeProvider.System))
        {
            await bus.PublishAsync(Topics.SourceChanges, [new BusMessage("poison-1", "k", "party", Encoding.UTF8.GetBytes("{}"))]);
            var leased = Assert.Single(await bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1));
            await bus.DeadLetterAsync(leased, "malformed source change: specversion must be '1.0'");
        }

        var list = await CliProcess.RunAsync("dlq", "list", "--data", _dataFolder);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("1 dead letter(s) on source-changes/resolver", list.Output, StringComparison.Ordinal);
        Assert.Contains("poison-1", list.Output, StringComparison.Ordinal);
        Assert.Contains("reason=malformed source change: specversion must be '1.0'", list.Output, StringComparison.Ordinal);

        var replay = await CliProcess.RunAsync("dlq", "replay", "--data", _dataFolder, "--id", "poison-1");
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("Replayed 1 message(s)", replay.Output, StringComparison.Ordinal);

        using var reopened = new SqliteChangeBus(busPath, Options.Create(new SqliteBusOptions()), TimeProvider.System);
        Assert.Empty(await reopened.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10));
        Assert.Equal("poison-1", Assert.Single(await reopened.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1)).MessageId);
    }

    [Fact]
    public async Task Replay_WithoutIdsOrAll_FailsWithUsage()
    {
        Directory.CreateDirectory(_dataFolder);
        var replay = await CliProcess.RunAsync("dlq", "replay", "--data", _dataFolder);

        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("pass either --id ID (repeatable) or --all", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownFolder_ExplainsWhatToPass()
    {
        Directory.CreateDirectory(_dataFolder);
        var list = await CliProcess.RunAsync("dlq", "list", "--data", _dataFolder);

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("no bus in", list.Error, StringComparison.Ordinal);
    }
}
