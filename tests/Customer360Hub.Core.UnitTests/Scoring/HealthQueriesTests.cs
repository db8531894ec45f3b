using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class HealthQueriesTests : IAsyncLifetime
{
    private readonly ScoringHub _s = new();

    private TestHub Hub => _s.Hub;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task GetAsync_ScoredAccount_GivesScoreExplanationSignalsAndDailyHistory()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 2_000m, 60), _s.Ticket("A1", 40), _s.Ticket("A1", 20)]);
        await Hub.ScoreAllAsync();
        for (var day = 0; day < 4; day++)
        {
            Hub.Time.Advance(TimeSpan.FromDays(1));
            if (day == 2)
            {
                await Hub.ResolveAsync([.. Enumerable.Range(0, 6).Select(_ => _s.Ticket("A1", 0, "open", "urgent")), _s.Payment("A1", 0, "failed")]);
                await Hub.ScoreAllAsync();
            }

            await Hub.Get<HealthSnapshotJob>().RunAsync();
        }

        var view = (await Hub.Get<HealthQueries>().GetAsync(id, historyDays: 3))!;

        Assert.Equal((id, id), (view.ProfileId, view.ScoredProfileId));
        Assert.Equal(3, view.History.Count);
        Assert.Equal(DateOnly.FromDateTime(Hub.Time.GetUtcNow().UtcDateTime), view.History[^1].Day);
        Assert.True(view.History[0].Score > view.History[^1].Score);
        Assert.Equal(view.Score!.Score, view.History[^1].Score);
        Assert.StartsWith("Dropped ", view.Score.Change!.Text, StringComparison.Ordinal);
        Assert.Contains(view.Score.Signals, s => s.Kind == SignalKinds.HealthDrop && s.NextStep.Length > 0);
        Assert.Equal(6, view.Score.Factors.Count);
    }

    [Fact]
    public async Task GetAsync_Contact_GivesItsAccountsHealth()
    {
        var account = await _s.AccountAsync("A1", _s.Subscription("A1", "Team plan", 500m, 200));
        await Hub.ResolveAsync(TestHub.Party("crm", "contact", "C1", 1, new Dictionary<string, string> { ["full_name"] = "Ann Contact", ["email"] = "ann@example.com", ["account_ref"] = "crm/account/A1" }));
        await Hub.ScoreAllAsync();
        var contact = (await Hub.ProfileIdOfAsync("crm/contact/C1"))!;

        var view = (await Hub.Get<HealthQueries>().GetAsync(contact))!;

        Assert.Equal((contact, account), (view.ProfileId, view.ScoredProfileId));
        Assert.Equal(account, view.Score!.ProfileId);
    }

    [Fact]
    public async Task GetAsync_NotScoredYet_GivesTheProfileWithoutAScore()
    {
        var id = await _s.AccountAsync("A1", _s.Subscription("A1", "Team plan", 500m, 200));

        var view = (await Hub.Get<HealthQueries>().GetAsync(id))!;

        Assert.Null(view.Score);
        Assert.Empty(view.History);
    }

    [Fact]
    public async Task GetAsync_UnknownProfile_IsNull()
    {
        Assert.Null(await Hub.Get<HealthQueries>().GetAsync("p-00000000000000000000"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Hub.Get<HealthQueries>().GetAsync("p-00000000000000000000", HealthQueries.MaxHistoryDays + 1));
    }

    [Fact]
    public async Task GetAsync_MergedAwayId_GivesTheSurvivorsHealth()
    {
        var survivor = await _s.AccountAsync("A1", _s.Subscription("A1", "Team plan", 500m, 200));
        await Hub.ScoreAllAsync();
        var merged = "p-" + new string('7', 20);
        var profile = (await Hub.Store.GetProfileAsync(survivor))!.Document;
        await Hub.Store.Documents.WriteAsync([Hub.Store.Profiles.Upsert(DocumentKey.Single(merged), profile with { Id = merged, RedirectTo = survivor })]);

        var view = (await Hub.Get<HealthQueries>().GetAsync(merged))!;

        Assert.Equal(survivor, view.ProfileId);
        Assert.NotNull(view.Score);
    }
}
