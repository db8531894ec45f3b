using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Customer360Hub.Sandbox.World;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class ErasureApiTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataFolder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PostErasure_PersonIsGoneFromEveryFileAndAFullResyncDoesNotBringThemBack()
    {
        Person person;
        string[] identifiers;
        await using (var hub = await StartAsync())
        {
            using var http = Client(hub);
            var world = hub.Sandbox!.World;
            person = world.People.First(p =>
                world.SupportTickets.Any(t => t.PersonNumber == p.Number)
                && world.People.Count(o => o.GivenName == p.GivenName && o.FamilyName == p.FamilyName) == 1);
            identifiers = [person.Email, person.Phone, person.Phone[2..], $"{person.GivenName} {person.FamilyName}"];
            var id = await WaitForProfileAsync(http, person, sources: 2, tickets: 1);

            using var response = await http.PostAsJsonAsync(new Uri("api/v1/erasures", UriKind.Relative), new { email = person.Email.ToUpperInvariant() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([id], report.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal((2, 1), (report.GetProperty("partyRecords").GetInt32(), report.GetProperty("transactions").GetInt32()));
            Assert.True(report.GetProperty("archivePages").GetInt32() >= 3);

            using var lookup = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(person.Email)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
            using var byId = await http.GetAsync(new Uri($"api/v1/profiles/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
            AssertNowhere(identifiers, live: true);
        }

        AssertNowhere(identifiers);

        // Forget every checkpoint: the connectors pull every source again from the start.
        Directory.Delete(Path.Combine(_dataFolder, "checkpoints"), recursive: true);
        await using (var hub = await StartAsync())
        {
            using var http = Client(hub);
            var other = hub.Sandbox!.World.People.Last();
            await WaitForProfileAsync(http, other, sources: 1, tickets: 0);
            await WaitUntilQuietAsync(hub);

            using var lookup = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(person.Email)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }

        AssertNowhere(identifiers);
    }

    private async Task<LocalHub> StartAsync() => await LocalHub.StartAsync([], new Dictionary<string, string?>
    {
        ["Embedded:DataFolder"] = _dataFolder,
        ["Api:Port"] = "0",
        ["Sandbox:World:Customers"] = "24",
        ["Bus:Consumer:IdleWait"] = "00:00:00.050",
        ["Connectors:BusinessCentral:Interval"] = "00:00:01",
        ["Connectors:Zendesk:Interval"] = "00:00:01",
    });

    private static HttpClient Client(LocalHub hub)
    {
        var http = new HttpClient { BaseAddress = hub.ApiUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", hub.DemoKey);
        return http;
    }

    /// <summary>Every byte of every file in the data folder, case-insensitively.</summary>
    private void AssertNowhere(string[] identifiers, bool live = false)
    {
        // While the hub runs its lock file (holding only a process id) cannot be opened.
        var files = Directory.EnumerateFiles(_dataFolder, "*", SearchOption.AllDirectories).Where(f => !live || Path.GetFileName(f) != "c360.lock").ToList();
        Assert.Contains(files, f => f.Contains("archive", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            foreach (var identifier in identifiers)
            {
                Assert.False(text.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"'{identifier}' is still in {Path.GetRelativePath(_dataFolder, file)}");
            }
        }
    }

    private static async Task<string> WaitForProfileAsync(HttpClient http, Person person, int sources, int tickets)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(person.Email)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (json.GetProperty("sources").GetArrayLength() >= sources && json.GetProperty("aggregates").GetProperty("transactionCounts").EnumerateObject().Sum(c => c.Value.GetInt32()) >= tickets)
                {
                    return json.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The profile did not appear within 60 seconds.");
    }

    /// <summary>Waits until every connector has passed the end of its source and the resolver has nothing left.</summary>
    private static async Task WaitUntilQuietAsync(LocalHub hub)
    {
        var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
        var checkpoints = Path.Combine(hub.Services.GetRequiredService<Customer360Hub.Embedded.DataFolder>().Root, "checkpoints");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(checkpoints) && Directory.GetFiles(checkpoints, "*.json").Length >= 3
                && bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription) == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The connectors did not finish the resync within 60 seconds.");
    }
}
