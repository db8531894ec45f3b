using System.Text.Json;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Core.UnitTests.Timeline;

public sealed class AggregateCalculatorTests
{
    [Fact]
    public void Add_HealthInputs_AreKeptPerDayAndPerState()
    {
        var entries = new Entries()
            .Tickets(1, 3, "open", "urgent").Tickets(1, 3, "escalated").Tickets(1, 4, "solved", "urgent")
            .Ratings(1, 1, 2)
            .Payment("failed", 5).Payment("succeeded", 5)
            .Emails(2, 1, 6).Add("marketingEvent", 6, e => e with { Status = "click", Channel = "email" })
            .Touch(7, "Meeting").Touch(8)
            .Nps(9, 1, 9).Nps(7, 1, 9).Nps(2, 1, 9)
            .Subscription("Legacy", 10m, 30, "canceled")
            .Add("order", 10, e => e with { Product = "Hardware kit", Amount = 5 });

        var state = entries.Aggregates();

        string day(int daysAgo) => ActivityMetrics.Day(DateOnly.FromDateTime(Entries.Now.AddDays(-daysAgo).UtcDateTime));
        Assert.Equal(new Dictionary<string, int>
        {
            [$"{day(2)}|csatRated"] = 2, [$"{day(2)}|csatSatisfied"] = 1,
            [$"{day(3)}|ticket"] = 2, [$"{day(3)}|openEscalation"] = 2, [$"{day(4)}|ticket"] = 1,
            [$"{day(5)}|charge"] = 2, [$"{day(5)}|paymentFailed"] = 1,
            [$"{day(6)}|emailClicked"] = 1, [$"{day(6)}|emailOpened"] = 1, [$"{day(6)}|emailSent"] = 2,
            [$"{day(7)}|meeting"] = 1, [$"{day(7)}|touch"] = 1, [$"{day(8)}|touch"] = 1,
            [$"{day(9)}|npsDetractor"] = 1, [$"{day(9)}|npsPassive"] = 1, [$"{day(9)}|npsPromoter"] = 1,
        }, state.Activity);
        Assert.Equal(2, state.OpenEscalations);
        Assert.Equal("Legacy", Assert.Single(state.EndedSubscriptions).Value.Product);
        Assert.Empty(state.Subscriptions);
        Assert.Equal(new Dictionary<string, int> { ["Hardware kit"] = 1 }, state.ProductsBought);
        Assert.Equal(3, ActivityMetrics.Sum(state.Activity, ActivityMetrics.Ticket, DateOnly.FromDateTime(Entries.Now.UtcDateTime), 30));
        Assert.Equal(DateOnly.FromDateTime(Entries.Now.AddDays(-7).UtcDateTime), ActivityMetrics.LastDay(state.Activity, ActivityMetrics.Touch));
    }

    [Fact]
    public void Remove_EveryEntryAgain_RestoresTheEmptyAggregatesExactly()
    {
        var entries = Entries.Healthy().Tickets(2, 3, "open", "urgent").Payment("failed", 5).Subscription("Legacy", 10m, 30, "canceled")
            .Add("order", 10, e => e with { Product = "Hardware kit" }).Nps(3, 2);
        var state = entries.Aggregates();

        foreach (var entry in entries.All.Reverse())
        {
            state = Entries.Calculator.Remove(state, entry).State;
        }

        Assert.True(AggregateCalculator.IsEmpty(state));
        Assert.Equal(Json(new ProfileAggregates { ProfileId = "p" }), Json(state with { LastInteractionAt = null }));
    }

    [Fact]
    public void Combine_TwoProfiles_EqualsOneTimelineHoldingBoth()
    {
        var a = Entries.Healthy();
        var b = new Entries().Tickets(3, 2, "open", "urgent").Payment("failed", 4).Usage(5, 0, 2).Subscription("Analytics add-on", 50m, 100);
        var together = a.All.Concat(b.All).Aggregate(new ProfileAggregates { ProfileId = "p" }, Entries.Calculator.Add);

        var combined = AggregateCalculator.Combine("p", [a.Aggregates(), b.Aggregates()]);

        Assert.Equal(Json(together), Json(combined));
    }

    [Fact]
    public void Prune_DaysOutOfTheWindow_LeaveTheActivity()
    {
        var time = new FakeTimeProvider(Entries.Now);
        var calculator = new AggregateCalculator(Options.Create(new AggregateOptions()), time);
        var state = new Entries().Tickets(1, 170).Tickets(1, 10).All.Aggregate(new ProfileAggregates { ProfileId = "p" }, calculator.Add);
        Assert.Equal(2, state.Activity.Count);

        time.Advance(TimeSpan.FromDays(20));

        Assert.Single(calculator.Prune(state).Activity);
    }

    [Fact]
    public void Add_PaymentBeforeOrAfterItsInvoice_GivesTheSameDaysPaidLate()
    {
        var today = DateOnly.FromDateTime(Entries.Now.UtcDateTime);
        var entries = new Entries().PaidInvoice(dueDaysAgo: 50, paidDaysAgo: 20).PaidInvoice(dueDaysAgo: 30, paidDaysAgo: 32).PaidInvoice(dueDaysAgo: 150, paidDaysAgo: 100);
        var inOrder = entries.Aggregates();
        var paymentsFirst = entries.All.OrderBy(e => e.Kind == "invoice").Aggregate(new ProfileAggregates { ProfileId = "p" }, Entries.Calculator.Add);

        Assert.Equal(Json(inOrder), Json(paymentsFirst));
        // Paid 30 days late and 2 days early (on time); the third was paid more than 90 days ago.
        Assert.Equal([0, 30], ActivityMetrics.DaysPaidLate(inOrder.Activity, today, 90).Order());
        Assert.Equal(0, ActivityMetrics.Sum(inOrder.Activity, ActivityMetrics.Charge, today, 90));
    }

    [Fact]
    public void Remove_APaymentAgain_TheInvoiceIsNoLongerPaidLate()
    {
        var today = DateOnly.FromDateTime(Entries.Now.UtcDateTime);
        var entries = new Entries().PaidInvoice(dueDaysAgo: 50, paidDaysAgo: 20);
        var state = Entries.Calculator.Remove(entries.Aggregates(), entries.All[^1]).State;

        Assert.Empty(ActivityMetrics.DaysPaidLate(state.Activity, today, 90));
    }

    private static string Json(ProfileAggregates aggregates) =>
        JsonSerializer.Serialize(aggregates with { ChangedAt = default }, CoreJsonContext.Default.ProfileAggregates);
}
