using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Quality;

namespace Customer360Hub.Core.UnitTests.Quality;

public sealed class QualityReporterTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create(new Dictionary<string, string?> { ["Profiles:Quality:SourceStaleAfter"] = "2.00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Build_Portfolio_CompletenessFillRatesStaleSourcesAndQuarantineReasons()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["full_name"] = "Jane Doe", ["email"] = "jane@example.com", ["phone"] = "+13125550100", ["city"] = "Chicago" }),
            TestHub.Party("crm", "contact", "2", 1, new Dictionary<string, string> { ["full_name"] = "Joe Roe", ["email"] = "joe@example" }));
        _hub.Time.Advance(TimeSpan.FromDays(3));

        var report = await _hub.Get<QualityReporter>().BuildAsync();

        Assert.Equal(2, report.Profiles);
        Assert.Equal(Math.Round(((4 / 7.0) + (1 / 7.0)) / 2, 3), report.AverageCompleteness, 3);
        Assert.Equal(1.0, report.FieldFillRates["full_name"]);
        Assert.Equal(0.5, report.FieldFillRates["email"]);
        Assert.True(report.Sources["crm"].Stale);
        Assert.Equal(2, report.Sources["crm"].Profiles);
        Assert.Equal(1, report.Quarantine["crm"]["email: not a valid email address"]);
    }
}
