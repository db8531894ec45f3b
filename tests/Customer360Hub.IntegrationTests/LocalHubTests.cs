using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Sandbox.World;
using Customer360Hub.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class LocalHubTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
    private LocalHub _hub = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _hub = await LocalHub.StartAsync([], new Dictionary<string, string?>
        {
            ["Embedded:DataFolder"] = _dataFolder,
            ["Api:Port"] = "0",
            ["Sandbox:World:Customers"] = "60",
            ["Bus:Consumer:IdleWait"] = "00:00:00.050",
        });
        _http = new HttpClient { BaseAddress = _hub.ApiUrl };
        _http.DefaultRequestHeaders.Add("X-Api-Key", _hub.DemoKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _hub.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Run_SampleSources_ServesAProfileMergedFromTwoSources()
    {
        var world = _hub.Sandbox!.World;
        var email = world.Parties(SourceNames.BusinessCentral).Where(p => p.EntityType == "customers" && p.Email is not null)
            .Select(p => p.Email!.Trim().ToLowerInvariant())
            .First(e => world.Parties(SourceNames.Zendesk).Any(z => z.Email?.Trim().ToLowerInvariant() == e));

        var profile = await WaitForAsync(async () =>
        {
            using var response = await _http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(email)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return json.GetProperty("sources").GetArrayLength() >= 2 ? json : (JsonElement?)null;
        });

        Assert.Equal(["businesscentral", "zendesk"], profile.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(email, profile.GetProperty("emails").EnumerateArray().Select(e => e.GetString()!.Trim().ToLowerInvariant()));
        Assert.Equal("fellegi-sunter", profile.GetProperty("engine").GetProperty("identity").GetString());

        // The same profile by id, and its timeline.
        var id = profile.GetProperty("id").GetString();
        using var byId = await _http.GetAsync(new Uri($"api/v1/profiles/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        using var timeline = await _http.GetAsync(new Uri($"api/v1/profiles/{id}/timeline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutKey_Is401ProblemAndMalformedIdIs400()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.ApiUrl };
        using var unauthorized = await anonymous.GetAsync(new Uri("api/v1/profiles/p-00000000000000000000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);

        using var malformed = await _http.GetAsync(new Uri("api/v1/profiles/not-an-id", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var missing = await _http.GetAsync(new Uri("api/v1/profiles/p-00000000000000000000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Run_DailyScoringJobs_CatchUpAtStartAndWriteThePortfolioSummary()
    {
        var jobs = _hub.Services.GetRequiredService<ScheduledJobRunner>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await jobs.LastRunAsync(HealthSnapshotJob.JobName) is null || await jobs.LastRunAsync(CoOccurrenceJob.JobName) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the daily jobs did not run at start");
            await Task.Delay(200);
        }

        var summary = await _hub.Services.GetRequiredService<PortfolioQueries>().DistributionAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(summary!.Day, today.AddDays(-1), today);
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The hub did not serve the merged profile within 60 seconds.");
    }
}
