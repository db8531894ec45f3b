using System.Globalization;
using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Notifications;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Moq;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class HealthScorerTests : IAsyncLifetime
{
    private readonly ScoringHub _s = new();

    private TestHub Hub => _s.Hub;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task ScorePass_ProfileChange_ReachesANewScoreWithinOneScorerPass()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200)]);
        await Hub.ScoreAllAsync();
        var before = (await Hub.ScoreOfAsync(id))!;
        Assert.True(before.Factors.Single(f => f.Factor == HealthFactors.Support).Missing);

        Hub.Time.Advance(TimeSpan.FromMinutes(5));
        await Hub.ResolveAsync(_s.Ticket("A1", 0, "open", "urgent"), _s.Ticket("A1", 0, "open"), _s.Ticket("A1", 1, "open"));
        Assert.Equal(1, await Hub.ScorePassAsync());

        var after = (await Hub.ScoreOfAsync(id))!;
        Assert.Equal(Hub.Time.GetUtcNow(), after.ScoredAt);
        Assert.False(after.Factors.Single(f => f.Factor == HealthFactors.Support).Missing);
        Assert.True(after.Score < before.Score);
        Assert.Equal(0, await Hub.ScorePassAsync());
    }

    [Fact]
    public async Task Score_DropSinceYesterday_ExplainsTheChangeInWords()
    {
        var id = await _s.AccountAsync("A1", [
            .. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200),
            .. new[] { 40, 50, 60, 70, 80, 90, 100, 105, 110 }.Select(days => _s.Ticket("A1", days)), _s.Ticket("A1", 20), _s.Ticket("A1", 20), _s.Ticket("A1", 20)]);
        await Hub.ScoreAllAsync();
        var yesterday = (await Hub.ScoreOfAsync(id))!;

        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.ResolveAsync([.. Enumerable.Range(0, 6).Select(_ => _s.Ticket("A1", 0)), _s.Usage("A1", 0, 10)]);
        await Hub.ScoreAllAsync();

        var today = (await Hub.ScoreOfAsync(id))!;
        var drop = yesterday.Score!.Value - today.Score!.Value;
        Assert.True(drop >= 5, $"dropped only {drop}");
        Assert.Equal(
            $"Dropped {drop} points: support tickets tripled this month (9 in the last 30 days against 3 in a usual month).",
            today.Change!.Text);
        Assert.Equal((DateOnly.FromDateTime(TestHub.Start.UtcDateTime), yesterday.Score, -drop), (today.Change.Since, today.Change.From, today.Change.Delta));
    }

    [Fact]
    public async Task Alerts_HealthDrop_FiresOnceNotOnEveryPassOrDay()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200), _s.Ticket("A1", 40), _s.Ticket("A1", 10)]);
        await Hub.ScoreAllAsync();

        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.ResolveAsync([
            .. Enumerable.Range(0, 5).Select(_ => _s.Ticket("A1", 0)),
            .. Enumerable.Range(0, 3).Select(_ => _s.Ticket("A1", 0, "open", "urgent")),
            _s.Payment("A1", 2, "failed"), _s.Payment("A1", 1, "failed"), _s.Payment("A1", 0, "declined")]);
        await Hub.ScoreAllAsync();

        var score = (await Hub.ScoreOfAsync(id))!;
        var signal = Assert.Single(score.Signals, s => s.Kind == SignalKinds.HealthDrop);
        Assert.DoesNotContain(score.Signals, s => s.Kind == SignalKinds.DataCheck);
        Assert.StartsWith("Health dropped ", signal.Title, StringComparison.Ordinal);
        Assert.Single(_s.Alerts, a => a.Kind == SignalKinds.HealthDrop);

        // The drop persists through more changes and days: still one alert.
        Hub.Time.Advance(TimeSpan.FromHours(3));
        await Hub.ResolveAsync(_s.Ticket("A1", 0, "open"));
        await Hub.ScoreAllAsync();
        Hub.Time.Advance(TimeSpan.FromDays(2));
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        Assert.Contains((await Hub.ScoreOfAsync(id))!.Signals, s => s.Kind == SignalKinds.HealthDrop);
        var alert = Assert.Single(_s.Alerts, a => a.Kind == SignalKinds.HealthDrop);
        Assert.Equal(id, alert.ProfileId);
        Assert.False(string.IsNullOrWhiteSpace(alert.NextStep));
        var state = (await Hub.Store.Alerts.QueryAllAsync(id)).Single(a => a.Document.Kind == SignalKinds.HealthDrop).Document;
        Assert.NotNull(state.DeliveredAt);
        Assert.Equal(state.RaisedAt + TimeSpan.FromDays(7), state.Until);
    }

    [Fact]
    public async Task Alerts_LoadArrivingWithinADay_RaisesNoDropFromItsPartialStates()
    {
        // The first records to arrive give a perfect score; the rest of the load, the same day, pulls it down.
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200)]);
        await Hub.ScoreAllAsync();
        var partial = (await Hub.ScoreOfAsync(id))!.Score!.Value;
        Hub.Time.Advance(TimeSpan.FromHours(2));
        await Hub.ResolveAsync([.. Enumerable.Range(0, 6).Select(_ => _s.Ticket("A1", 3, "open", "urgent")), _s.Payment("A1", 4, "failed"), _s.Payment("A1", 2, "failed")]);
        await Hub.ScoreAllAsync();
        Assert.True(partial - (await Hub.ScoreOfAsync(id))!.Score!.Value >= 20);

        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        Assert.DoesNotContain((await Hub.ScoreOfAsync(id))!.Signals, s => s.Kind is SignalKinds.HealthDrop or SignalKinds.DataCheck);
        Assert.DoesNotContain(_s.Alerts, a => a.Kind is SignalKinds.HealthDrop or SignalKinds.DataCheck);
    }

    [Fact]
    public async Task AnomalyGuard_DropHingingOnOneRecord_AsksForADataCheckFirstThenConfirmsTheDrop()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200), _s.Usage("A1", 40, 10, "usage-bad")]);
        await Hub.ScoreAllAsync();
        var healthy = (await Hub.ScoreOfAsync(id))!.Score!.Value;

        // One usage record of last month is restated with an absurd quantity: the trend collapses.
        Hub.Time.Advance(TimeSpan.FromDays(1));
        var restated = _s.Usage("A1", 41, 100_000, "usage-bad") with { SourceVersion = "2", Id = "usage-bad-v2", ModifiedAt = _s.Now };
        await Hub.ResolveAsync(restated);
        await Hub.ScoreAllAsync();

        var score = (await Hub.ScoreOfAsync(id))!;
        Assert.True(healthy - score.Score!.Value >= 20);
        var check = Assert.Single(score.Signals, s => s.Kind == SignalKinds.DataCheck);
        Assert.Equal("product/usage/usage-bad", check.RecordKey);
        Assert.Contains($"Without usage product/usage/usage-bad the score would be ", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(score.Signals, s => s.Kind == SignalKinds.HealthDrop);
        Assert.Equal([SignalKinds.DataCheck], _s.Alerts.Select(a => a.Kind).Where(k => k is SignalKinds.DataCheck or SignalKinds.HealthDrop));

        // Nobody corrected it: a day later the drop alert follows.
        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.Get<HealthSnapshotJob>().RunAsync();
        score = (await Hub.ScoreOfAsync(id))!;
        Assert.Contains(score.Signals, s => s.Kind == SignalKinds.HealthDrop && s.Detail.Contains("did not clear it", StringComparison.Ordinal));
        Assert.Equal([SignalKinds.DataCheck, SignalKinds.HealthDrop], _s.Alerts.Select(a => a.Kind).Where(k => k is SignalKinds.DataCheck or SignalKinds.HealthDrop));
    }

    [Fact]
    public async Task AnomalyGuard_RecordCorrected_ScoreRecoversWithoutADropAlert()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200), _s.Usage("A1", 40, 10, "usage-bad")]);
        await Hub.ScoreAllAsync();
        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.ResolveAsync(_s.Usage("A1", 41, 100_000, "usage-bad") with { SourceVersion = "2", Id = "usage-bad-v2", ModifiedAt = _s.Now });
        await Hub.ScoreAllAsync();

        Hub.Time.Advance(TimeSpan.FromHours(2));
        await Hub.ResolveAsync(_s.Usage("A1", 41, 10, "usage-bad") with { SourceVersion = "3", Id = "usage-bad-v3", ModifiedAt = _s.Now });
        await Hub.ScoreAllAsync();
        Hub.Time.Advance(TimeSpan.FromDays(1));
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        Assert.DoesNotContain((await Hub.ScoreOfAsync(id))!.Signals, s => s.Kind is SignalKinds.DataCheck or SignalKinds.HealthDrop);
        Assert.DoesNotContain(_s.Alerts, a => a.Kind == SignalKinds.HealthDrop);
    }

    [Fact]
    public async Task ChurnRisk_AmountIsArrTimesProbability_AndTheListIsOrderedByIt()
    {
        var small = await _s.AccountAsync("S", [.. _s.Troubled("S", 1_000m)]);
        var large = await _s.AccountAsync("L", [.. _s.Troubled("L", 20_000m)]);
        await Hub.ScoreAllAsync();

        var score = (await Hub.ScoreOfAsync(large))!;
        var risk = Assert.Single(score.Signals, s => s.Kind == SignalKinds.ChurnRisk);
        Assert.Equal(240_000m, score.Arr);
        Assert.Equal(240_000m * (decimal)score.ChurnProbability!.Value, score.RiskAmount);
        Assert.Equal(score.RiskAmount, risk.Amount);
        Assert.Equal("USD", risk.Currency);
        Assert.StartsWith("Churn risk: ", risk.Title, StringComparison.Ordinal);

        var rows = (await Hub.Store.PortfolioRows.QueryAsync(PortfolioEntry.ChurnRiskList, new DocumentQuery(Limit: 10))).Items.Select(r => r.Document).ToList();
        Assert.Equal([large, small], rows.Select(r => r.ProfileId));
        Assert.True(rows[0].RiskAmount > rows[1].RiskAmount);
    }

    [Fact]
    public async Task Score_ContactActivity_CountsTowardItsAccount()
    {
        var account = await _s.AccountAsync("A1", _s.Subscription("A1", "Team plan", 500m, 200));
        await Hub.ResolveAsync(TestHub.Party("crm", "contact", "C1", 1, new Dictionary<string, string> { ["full_name"] = "Ann Contact", ["email"] = "ann@example.com", ["account_ref"] = "crm/account/A1" }));
        await Hub.ResolveAsync(TestHub.Transaction("support", "ticket", "T1", RecordKind.Ticket, "crm/contact/C1", new Dictionary<string, string> { ["status"] = "open", ["priority"] = "urgent", ["occurred_at"] = _s.Now.AddDays(-2).ToString("O", CultureInfo.InvariantCulture) }));
        await Hub.ScoreAllAsync();

        var contact = (await Hub.ProfileIdOfAsync("crm/contact/C1"))!;
        Assert.Null(await Hub.ScoreOfAsync(contact));
        var score = (await Hub.ScoreOfAsync(account))!;
        Assert.Equal(1, score.Contacts);
        Assert.Equal(1, score.Factors.Single(f => f.Factor == HealthFactors.Support).Metrics.Single(m => m.Metric == HealthMetrics.OpenEscalations).Value);
    }

    [Fact]
    public async Task CoOccurrence_SmallPortfolio_RecommendsWhatSimilarAccountsHold()
    {
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await _s.AccountAsync($"A{i}", _s.Subscription($"A{i}", "Team plan", 500m, 200), _s.Subscription($"A{i}", "Analytics add-on", 50m, 200)));
        }

        var lone = await _s.AccountAsync("A6", _s.Subscription("A6", "Team plan", 500m, 200));
        await Hub.ResolveAsync(
            TestHub.Party("crm", "account", "P1", 1, new Dictionary<string, string> { ["full_name"] = "Pat", ["party_type"] = "person" }),
            _s.Subscription("P1", "Team plan", 10m, 200));
        var consumer = (await Hub.ProfileIdOfAsync("crm/account/P1"))!;
        await Hub.ScoreAllAsync();

        Assert.Equal(2, await Hub.Get<CoOccurrenceJob>().RunAsync());
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        var signal = Assert.Single((await Hub.ScoreOfAsync(lone))!.Signals, s => s.Kind == SignalKinds.Expansion);
        Assert.Equal("Analytics add-on", signal.Product);
        Assert.Equal("83% of similar accounts also hold Analytics add-on (5 of 6 smb customers holding Team plan).", signal.Detail);
        foreach (var holder in ids.Append(consumer))
        {
            Assert.DoesNotContain((await Hub.ScoreOfAsync(holder))!.Signals, s => s.Kind == SignalKinds.Expansion);
        }

        var row = Assert.Single((await Hub.Store.PortfolioRows.QueryAllAsync(PortfolioEntry.ExpansionList)).Select(r => r.Document));
        Assert.Equal((lone, "Analytics add-on"), (row.ProfileId, row.Product));
    }

    [Fact]
    public async Task Alerts_NotifierFails_TheNextPassDeliversItOnce()
    {
        var failures = 1;
        _s.Notifier.Setup(n => n.NotifyAsync(It.IsAny<Alert>(), It.IsAny<CancellationToken>()))
            .Returns<Alert, CancellationToken>((alert, _) =>
            {
                if (failures-- > 0)
                {
                    throw new HttpRequestException("webhook down");
                }

                _s.Alerts.Add(alert);
                return Task.CompletedTask;
            });
        var id = await _s.AccountAsync("A1", [.. _s.Troubled("A1", 5_000m)]);

        await Assert.ThrowsAsync<HttpRequestException>(() => Hub.ScorePassAsync());
        Assert.NotNull(await Hub.ScoreOfAsync(id));
        await Hub.ScoreAllAsync(); // the bus delivers the profile change again
        await Hub.Get<HealthSnapshotJob>().RunAsync();

        Assert.Single(_s.Alerts, a => a.Kind == SignalKinds.ChurnRisk);
    }

    [Fact]
    public async Task SnapshotJob_EveryDay_KeepsHistoryAndThePortfolioTrend()
    {
        var id = await _s.AccountAsync("A1", [.. _s.DailyUsage("A1", 59, 0, 10), _s.Subscription("A1", "Team plan", 500m, 200)]);
        await _s.AccountAsync("A2", [.. _s.Troubled("A2", 1_000m)]);
        for (var day = 0; day < 3; day++)
        {
            await Hub.Get<HealthSnapshotJob>().RunAsync();
            Hub.Time.Advance(TimeSpan.FromDays(1));
        }

        var history = await Hub.Store.Snapshots.QueryAllAsync(id);
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.Equal(HealthBands.Green, h.Document.Band));
        var summaries = (await Hub.Store.PortfolioSummaries.QueryAllAsync(PortfolioSummary.Partition)).Select(s => s.Document).ToList();
        Assert.Equal(3, summaries.Count);
        Assert.Equal(2, summaries[^1].Segments["smb"].Customers);
        Assert.Equal(1, summaries[^1].Segments["smb"].Bands[HealthBands.Green]);
        Assert.Equal(2, summaries[^1].Total.Histogram.Sum());
    }
}
