using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Scoring;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class SignalDetectorTests
{
    private readonly SignalDetector _detector = new(Options.Create(new SignalOptions()), Options.Create(new HealthOptions()));

    [Fact]
    public void Detect_RenewalWithin90DaysAndYellowHealth_SuggestsStartingTheRenewalConversation()
    {
        var entries = new Entries().Subscription("Team plan", 1000m, 40).Usage(59, 30, 10).Usage(29, 0, 6).Invoice("open", 20);

        var signal = Assert.Single(Detect(entries), s => s.Kind == SignalKinds.RenewalAtRisk);

        Assert.Equal("Renewal in 40 days with yellow health", signal.Title);
        Assert.Equal("renewalAtRisk:2026-12-11", signal.Condition);
        Assert.StartsWith("Start the renewal conversation now.", signal.NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_RenewalWithGreenHealth_IsNoSignal()
    {
        Assert.DoesNotContain(Detect(Entries.Healthy().Subscription("Pro", 10m, 40)), s => s.Kind == SignalKinds.RenewalAtRisk);
    }

    [Fact]
    public void Detect_PayingCustomerQuietFor70Days_RaisesNoEngagement()
    {
        var quiet = new Entries().Subscription("Team plan", 1000m, 200).Touch(70).Emails(3, 0, 65);

        var signal = Assert.Single(Detect(quiet), s => s.Kind == SignalKinds.NoEngagement);

        Assert.Equal("No engagement for 70 days", signal.Title);
        Assert.DoesNotContain(Detect(new Entries().Subscription("Team plan", 1000m, 200).Touch(50)), s => s.Kind == SignalKinds.NoEngagement);
    }

    [Fact]
    public void Detect_PeakUsageAt95PercentOfTheLimit_RaisesUsageNearLimit()
    {
        var near = new Entries().Subscription("Team plan", 1000m, 200, limit: 20).Usage(10, 0, 12).Usage(2, 2, 7);

        var signal = Assert.Single(Detect(near), s => s.Kind == SignalKinds.UsageNearLimit);

        Assert.Equal("Usage at 95% of the plan limit", signal.Title);
        Assert.DoesNotContain(Detect(new Entries().Subscription("Team plan", 1000m, 200, limit: 20).Usage(10, 0, 12)), s => s.Kind == SignalKinds.UsageNearLimit);
    }

    [Fact]
    public void Detect_ConditionStillHolds_KeepsItsSince()
    {
        var quiet = new Entries().Subscription("Team plan", 1000m, 200).Touch(70);
        var first = Assert.Single(Detect(quiet), s => s.Kind == SignalKinds.NoEngagement);

        var later = Assert.Single(Detect(quiet, [first with { Since = Entries.Now.AddDays(-3) }]), s => s.Kind == SignalKinds.NoEngagement);

        Assert.Equal(Entries.Now.AddDays(-3), later.Since);
    }

    private IReadOnlyList<HealthSignal> Detect(Entries entries, IReadOnlyList<HealthSignal>? previous = null)
    {
        var aggregates = entries.Aggregates();
        return _detector.Detect(Entries.Model().Evaluate("organization", aggregates, Entries.Now), aggregates, Entries.Now, null, null, previous ?? []);
    }
}
