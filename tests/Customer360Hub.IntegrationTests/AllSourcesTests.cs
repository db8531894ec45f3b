using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Sandbox.World;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class AllSourcesTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
    private LocalHub _hub = null!;

    public async Task InitializeAsync() => _hub = await LocalHub.StartAsync([], new Dictionary<string, string?>
    {
        ["Embedded:DataFolder"] = _dataFolder,
        ["Api:Port"] = "0",
        ["Sandbox:World:Customers"] = "120",
        ["Bus:Consumer:IdleWait"] = "00:00:00.050",
    });

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Run_FreshDataFolder_ProfilesFromEverySourceWithinAMinute()
    {
        var store = _hub.Services.GetRequiredService<HubStore>();
        using var http = new HttpClient { BaseAddress = _hub.ApiUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", _hub.DemoKey);
        var expected = new[] { SourceNames.BusinessCentral, SourceNames.FileDrop, SourceNames.Graph, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.Stripe, SourceNames.Zendesk };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HashSet<string> seen = [];
        var multiSource = 0;
        List<JsonElement> connectors = [];
        while (DateTime.UtcNow < deadline)
        {
            seen = [];
            multiSource = 0;
            await foreach (var profile in store.Profiles.ScanAsync())
            {
                multiSource += profile.Document.Sources.Count >= 3 ? 1 : 0;
            }

            // Every source's records (parties, and transactions such as mail) hang on profiles.
            await foreach (var record in store.Records.ScanAsync())
            {
                if (record.Document.ProfileId is not null)
                {
                    seen.Add(record.Document.Source);
                }
            }

            // A connector reports its health when a pass ends, which can be after its first records
            // are already resolved.
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri("api/v1/connectors", UriKind.Relative));
            connectors = health.GetProperty("connectors").EnumerateArray().ToList();
            if (expected.All(seen.Contains) && multiSource >= 5 && connectors.Count == expected.Length)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(expected, expected.Where(seen.Contains));
        Assert.True(multiSource >= 5, $"only {multiSource} profiles joined three or more sources");

        // Their health, as operators see it.
        Assert.Equal(expected, connectors.Select(c => c.GetProperty("source").GetString()));
        Assert.All(connectors, c => Assert.Equal("healthy", c.GetProperty("state").GetString()));
        Assert.All(connectors, c => Assert.True(c.GetProperty("records").GetInt64() > 0));
    }
}
