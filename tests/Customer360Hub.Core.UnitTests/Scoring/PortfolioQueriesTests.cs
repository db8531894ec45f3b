using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Scoring;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class PortfolioQueriesTests : IAsyncLifetime
{
    private readonly ScoringHub _s = new();

    private TestHub Hub => _s.Hub;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task ChurnRiskAsync_Pages_LargestRiskFirstAcrossPages()
    {
        var ids = new Dictionary<decimal, string>();
        foreach (var monthly in new[] { 3_000m, 1_000m, 20_000m, 9_000m, 500m })
        {
            ids[monthly] = await _s.AccountAsync("A" + monthly, [.. _s.Troubled("A" + monthly, monthly)]);
        }

        await Hub.ScoreAllAsync();
        var queries = Hub.Get<PortfolioQueries>();

        var first = await queries.ChurnRiskAsync(limit: 2);
        var second = await queries.ChurnRiskAsync(limit: 2, first.ContinuationToken);
        var third = await queries.ChurnRiskAsync(limit: 2, second.ContinuationToken);

        Assert.Equal(
            new[] { 20_000m, 9_000m, 3_000m, 1_000m, 500m }.Select(m => ids[m]),
            first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.ProfileId));
        Assert.Null(third.ContinuationToken);
        Assert.All(first.Items, r => Assert.Equal(r.Arr * (decimal)r.ChurnProbability!.Value, r.RiskAmount));
        Assert.All(first.Items, r => Assert.False(string.IsNullOrWhiteSpace(r.NextStep)));
    }

    [Fact]
    public async Task ChurnRiskAsync_Segment_KeepsOnlyThatSegment()
    {
        await _s.AccountAsync("SMB", [.. _s.Troubled("SMB", 1_000m)]);
        var enterprise = await _s.AccountAsync("ENT", [.. _s.Troubled("ENT", 20_000m)]);
        await Hub.ScoreAllAsync();

        var page = await Hub.Get<PortfolioQueries>().ChurnRiskAsync(limit: 10, segment: "enterprise");

        Assert.Equal([enterprise], page.Items.Select(r => r.ProfileId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Hub.Get<PortfolioQueries>().ChurnRiskAsync(limit: 0));
    }

    [Fact]
    public async Task DistributionAndTrend_AfterDailySnapshots_GiveHistogramAndTrendBySegment()
    {
        var queries = Hub.Get<PortfolioQueries>();
        Assert.Null(await queries.DistributionAsync());
        await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200)]);
        await _s.AccountAsync("A2", [.. _s.Troubled("A2", 1_000m)]);
        for (var day = 0; day < 3; day++)
        {
            await Hub.Get<HealthSnapshotJob>().RunAsync();
            Hub.Time.Advance(TimeSpan.FromDays(1));
        }

        var distribution = (await queries.DistributionAsync())!;
        var trend = await queries.TrendAsync(days: 7, segment: "smb");

        Assert.Equal(DateOnly.FromDateTime(TestHub.Start.UtcDateTime).AddDays(2), distribution.Day);
        Assert.Equal(2, distribution.Segments["smb"].Histogram.Sum());
        Assert.Equal(1, distribution.Segments["smb"].Bands[HealthBands.Green]);
        Assert.Equal(3, trend.Count);
        Assert.All(trend, p => Assert.Equal(2, p.Summary.Customers));
        Assert.Equal(trend.Select(p => p.Day).Order(), trend.Select(p => p.Day));
        Assert.Empty(await queries.TrendAsync(days: 7, segment: "enterprise"));
        Assert.Equal(2, (await queries.TrendAsync(days: 3)).Count);
    }

    [Fact]
    public async Task ExpansionAsync_AfterTheCoOccurrenceJob_ListsTheRecommendation()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _s.AccountAsync($"A{i}", _s.Subscription($"A{i}", "Team plan", 500m, 200), _s.Subscription($"A{i}", "Analytics add-on", 50m, 200));
        }

        var lone = await _s.AccountAsync("A6", _s.Subscription("A6", "Team plan", 500m, 200));
        await Hub.ScoreAllAsync();
        await Hub.Get<CoOccurrenceJob>().RunAsync();
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        var row = Assert.Single((await Hub.Get<PortfolioQueries>().ExpansionAsync()).Items);

        Assert.Equal((lone, "Analytics add-on"), (row.ProfileId, row.Product));
        Assert.StartsWith("Propose Analytics add-on", row.NextStep, StringComparison.Ordinal);
    }
}
