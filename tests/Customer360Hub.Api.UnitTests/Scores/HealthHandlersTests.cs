using System.Net;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;

namespace Customer360Hub.Api.UnitTests.Scores;

/// <summary>Health and portfolio through the pipeline: only roles with the health group, redirects, paging, bad input and audit.</summary>
public sealed class HealthHandlersTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private ApiHost _host = null!;

    public static TheoryData<string> HealthReaders() => [Keys.Sales, Keys.Support, Keys.Finance, Keys.Success, Keys.Privacy, Keys.Admin];

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(HealthReaders))]
    public async Task GetHealth_RoleWithTheHealthGroup_SeesTheScore(string key)
    {
        using var client = _host.Client(key);
        var health = JsonDocument.Parse(await client.GetStringAsync(new Uri($"profiles/{SampleProfiles.JaneId}/health", UriKind.Relative))).RootElement;

        Assert.Equal(SampleProfiles.JaneId, health.GetProperty("profileId").GetString());
        Assert.Equal(80, health.GetProperty("score").GetProperty("score").GetInt32());
        Assert.Equal(HealthBands.Green, health.GetProperty("score").GetProperty("band").GetString());
    }

    [Theory]
    [InlineData("profiles/p-00000000000000000001/health")]
    [InlineData("portfolio/health")]
    [InlineData("portfolio/trend")]
    [InlineData("portfolio/churn-risk")]
    [InlineData("portfolio/expansion")]
    public async Task Read_RoleWithoutTheHealthGroup_Is403Problem(string path)
    {
        using var client = _host.Client(Keys.Steward);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetHealth_WithoutCredentials_Is401()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync(new Uri($"profiles/{SampleProfiles.JaneId}/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetHealth_MergedId_RedirectsToTheSurvivor()
    {
        using var client = _host.Client(Keys.Success);
        using var response = await client.GetAsync(new Uri($"profiles/{SampleProfiles.MergedId}/health?historyDays=7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.EndsWith($"/profiles/{SampleProfiles.JaneId}/health?historyDays=7", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("profiles/not-an-id/health", HttpStatusCode.BadRequest)]
    [InlineData("profiles/p-0000000000000000ffff/health", HttpStatusCode.NotFound)]
    [InlineData("profiles/p-00000000000000000001/health?historyDays=-1", HttpStatusCode.BadRequest)]
    [InlineData("portfolio/health", HttpStatusCode.NotFound)]
    [InlineData("portfolio/trend?days=0", HttpStatusCode.BadRequest)]
    [InlineData("portfolio/churn-risk?segment=%27%3B%20drop", HttpStatusCode.BadRequest)]
    [InlineData("portfolio/churn-risk?cursor=%25%25", HttpStatusCode.BadRequest)]
    [InlineData("portfolio/expansion?limit=100000", HttpStatusCode.BadRequest)]
    public async Task BadOrUnknownInput_IsAProblem(string path, HttpStatusCode status)
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetHealth_Read_IsAuditedWithTheHealthGroup()
    {
        using var client = _host.Client(Keys.Finance);
        using var response = await client.GetAsync(new Uri($"profiles/{SampleProfiles.JaneId}/health", UriKind.Relative));
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();

        var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);

        Assert.Equal(("getHealth", "finance"), (record.GetProperty("operation").GetString(), record.GetProperty("caller").GetString()));
        Assert.Equal([SampleProfiles.JaneId], record.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["health"], record.GetProperty("fieldGroups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Portfolio_SeededSummaryAndRisks_ServesDistributionTrendAndPagedRiskList()
    {
        await SeedPortfolioAsync();
        using var client = _host.Client(Keys.Success);

        var distribution = JsonDocument.Parse(await client.GetStringAsync(new Uri("portfolio/health", UriKind.Relative))).RootElement;
        var trend = JsonDocument.Parse(await client.GetStringAsync(new Uri("portfolio/trend?days=30&segment=smb", UriKind.Relative))).RootElement;
        var first = JsonDocument.Parse(await client.GetStringAsync(new Uri("portfolio/churn-risk?limit=1", UriKind.Relative))).RootElement;
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = JsonDocument.Parse(await client.GetStringAsync(new Uri($"portfolio/churn-risk?limit=1&cursor={cursor}", UriKind.Relative))).RootElement;
        var smb = JsonDocument.Parse(await client.GetStringAsync(new Uri("portfolio/churn-risk?segment=smb", UriKind.Relative))).RootElement;

        Assert.Equal(3, distribution.GetProperty("total").GetProperty("customers").GetInt32());
        Assert.Equal([1], trend.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("summary").GetProperty("customers").GetInt32()));
        Assert.Equal("p-0000000000000000000b", first.GetProperty("items")[0].GetProperty("profileId").GetString());
        Assert.Equal("p-0000000000000000000a", second.GetProperty("items")[0].GetProperty("profileId").GetString());
        Assert.Equal(["p-0000000000000000000a"], smb.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("profileId").GetString()));
    }

    private async Task SeedPortfolioAsync()
    {
        var now = DateTimeOffset.UtcNow;
        PortfolioEntry Risk(string id, string segment, decimal amount) => new()
        {
            ProfileId = id, Segment = segment, Band = HealthBands.Red, Score = 30, Arr = amount * 2, Currency = "USD",
            ChurnProbability = 0.5, RiskAmount = amount, Detail = "Usage fell.", NextStep = "Call the sponsor.", ScoredAt = now,
        };
        var summary = new PortfolioSummary
        {
            Day = Today,
            TakenAt = now,
            Currency = "USD",
            Total = new SegmentSummary { Customers = 3, Scored = 3 },
            Segments = new() { ["smb"] = new SegmentSummary { Customers = 1, Scored = 1 }, ["enterprise"] = new SegmentSummary { Customers = 2, Scored = 2 } },
        };
        await _host.Store.Documents.WriteAsync(
        [
            _host.Store.PortfolioSummaries.Upsert(new DocumentKey(PortfolioSummary.Partition, PortfolioSummary.IdFor(Today)), summary),
            _host.Store.PortfolioRows.Upsert(new DocumentKey(PortfolioEntry.ChurnRiskList, PortfolioEntry.ChurnRiskId(1_000m, "p-0000000000000000000a")), Risk("p-0000000000000000000a", "smb", 1_000m)),
            _host.Store.PortfolioRows.Upsert(new DocumentKey(PortfolioEntry.ChurnRiskList, PortfolioEntry.ChurnRiskId(50_000m, "p-0000000000000000000b")), Risk("p-0000000000000000000b", "enterprise", 50_000m)),
        ]);
    }
}
