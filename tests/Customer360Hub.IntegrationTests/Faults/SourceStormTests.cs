using System.Diagnostics;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.IntegrationTests.Support;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Faults;

/// <summary>Every source answering 429 and 5xx for a while: the connectors back off, then catch up completely.</summary>
[Collection(FaultCollection.Name)]
public sealed class SourceStormTests(CleanRun clean) : IDisposable
{
    private readonly string _folder = FaultWorld.NewDataFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_StormOf429And5xx_BacksOffThenCatchesUpToACleanRun()
    {
        // Every request fails: half with 429, the rest with 500/502/503, Retry-After 1 s on 429 and 503.
        var settings = FaultWorld.Settings(_folder, new Dictionary<string, string?>
        {
            ["Sandbox:RateLimitRate"] = "0.5",
            ["Sandbox:ServerErrorRate"] = "1.0",
            ["Sandbox:RetryAfter"] = "00:00:01",
        });

        await using var hub = await LocalHub.StartAsync([], settings);
        var faults = hub.Sandbox!.Faults;
        var storm = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var requests = faults.Requests;
        var seconds = storm.Elapsed.TotalSeconds;
        faults.RateLimitRate = 0;
        faults.ServerErrorRate = 0;

        // Six HTTP sources polled every 100 ms would make about 60 requests a second without
        // backoff; honouring Retry-After and backing off exponentially keeps them near one each.
        var httpSources = hub.Services.GetServices<ConnectorRegistration>().Count(r => r.Connector.Source != "filedrop");
        Assert.True(requests >= httpSources, $"only {requests} requests during the storm: not every source was hit");
        Assert.True(requests <= httpSources * seconds * 2, $"{requests} requests in {seconds:0.0} s from {httpSources} sources: no backoff");

        await HubQuiescence.WaitAsync(hub, TimeSpan.FromSeconds(120));
        var snapshot = await ProfileSnapshot.TakeAsync(hub.Services.GetRequiredService<HubStore>());

        Assert.True(snapshot.Lines.SequenceEqual(clean.Snapshot.Lines), snapshot.DifferenceFrom(clean.Snapshot));
        // Some passes outlast the storm inside their retries, others give up and resume from their checkpoint: all end healthy.
        Assert.All(hub.Services.GetRequiredService<ConnectorStatusBoard>().Current, s => Assert.Null(s.LastError));
    }
}
