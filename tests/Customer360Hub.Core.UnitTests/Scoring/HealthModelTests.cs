using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Scoring;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class HealthModelTests
{
    public static TheoryData<string> Factors => [.. HealthFactors.All];

    [Fact]
    public void Evaluate_HealthyOnEveryFactor_ScoresHundredGreenWithFullConfidence()
    {
        var health = Entries.Model().Evaluate("organization", Entries.Healthy().Aggregates(), Entries.Now);

        Assert.Equal(100, health.Score);
        Assert.Equal(HealthBands.Green, health.Band);
        Assert.Equal(1.0, health.Confidence);
        Assert.Equal("smb", health.Segment);
        Assert.All(health.Factors, f => Assert.Equal(f.MaxPoints, f.Points));
        Assert.Equal(100, health.Factors.Sum(f => f.Points), 0.5);
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void Evaluate_WorseMetricsOfOneFactor_LowerThatFactorAndTheScoreOnly(string factor)
    {
        var model = Entries.Model();
        var healthy = model.Evaluate("organization", Entries.Healthy().Aggregates(), Entries.Now);
        var worse = Entries.Healthy();
        switch (factor)
        {
            case HealthFactors.Usage:
                worse.Usage(29, 0, -7); // usage falls from 11 to 4 a day
                break;
            case HealthFactors.Support:
                worse.Tickets(5, 8).Tickets(2, 3, "open", "urgent");
                break;
            case HealthFactors.Payment:
                worse.Invoice("open", 45).Payment("failed", 10).Payment("declined", 5);
                break;
            case HealthFactors.Engagement:
                worse = new Entries()
                    .Usage(59, 30, 10).Usage(29, 0, 11).Tickets(1, 45).Tickets(1, 10).Invoice("paid", 20).Payment("succeeded", 20)
                    .Emails(10, 0).Touch(80).Subscription("Team plan", 1000m, 200).Ratings(10, 0).Nps(10, 5);
                break;
            case HealthFactors.Contract:
                worse = new Entries()
                    .Usage(59, 30, 10).Usage(29, 0, 11).Tickets(1, 45).Tickets(1, 10).Invoice("paid", 20).Payment("succeeded", 20)
                    .Emails(10, 5).Touch(5).Touch(20, "meeting").Touch(40, "meeting")
                    .Subscription("Team plan", 1000m, 20).Subscription("Analytics add-on", 100m, 20, "canceled").Ratings(10, 0).Nps(10, 5);
                break;
            case HealthFactors.Sentiment:
                worse.Ratings(0, 10).Nps(3, 10);
                break;
        }

        var health = model.Evaluate("organization", worse.Aggregates(), Entries.Now);

        Assert.True(health.Score < healthy.Score, $"{factor}: {health.Score} is not below {healthy.Score}");
        Assert.True(health.Factor(factor).Points < healthy.Factor(factor).Points);
        Assert.All(health.Factors.Where(f => f.Factor != factor), f => Assert.Equal(healthy.Factor(f.Factor).Points, f.Points));
        Assert.Equal(1.0, health.Confidence);
    }

    /// <summary>Every metric that costs points on its own (a renewal's cost depends on the rest: see the renewal tests).</summary>
    public static TheoryData<string> Metrics => [.. HealthMetrics.FactorOf.Keys.Where(m => m != HealthMetrics.Renewal)];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Evaluate_OneMetricWorse_LowersThatMetricItsFactorAndTheScoreOnly(string metric)
    {
        var model = Entries.Model();
        var healthy = model.Evaluate("organization", Entries.Healthy().Aggregates(), Entries.Now);
        var worse = metric switch
        {
            HealthMetrics.UsageTrend => Entries.Healthy().Usage(29, 0, -7),
            HealthMetrics.TicketTrend => Entries.Healthy().Tickets(5, 8),
            HealthMetrics.OpenEscalations => Entries.Healthy().Tickets(1, 45, "open", "urgent"),
            HealthMetrics.DaysPastDue => Entries.Healthy().Invoice("open", 45),
            HealthMetrics.FailedPayments => Entries.Healthy().Payment("failed", 10),
            HealthMetrics.DaysPaidLate => Entries.Healthy().PaidInvoice(dueDaysAgo: 60, paidDaysAgo: 20),
            HealthMetrics.EmailEngagement => Entries.Healthy().Emails(10, 0),
            HealthMetrics.LastTouch => Entries.Healthy(touches: e => e.Touch(50, "meeting").Touch(55, "meeting")),
            HealthMetrics.Meetings => Entries.Healthy(touches: e => e.Touch(5).Touch(10)),
            HealthMetrics.ActiveSubscriptions => Entries.Healthy().Subscription("Analytics add-on", 100m, 200, "canceled"),
            HealthMetrics.Csat => Entries.Healthy().Ratings(0, 10),
            HealthMetrics.Nps => Entries.Healthy().Nps(3, 10),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "no case for this metric"),
        };

        var health = model.Evaluate("organization", worse.Aggregates(), Entries.Now);

        var factor = HealthMetrics.FactorOf[metric];
        Assert.True(health.Reading(metric)!.Score < healthy.Reading(metric)!.Score, $"{metric}: {health.Reading(metric)!.Text}");
        Assert.All(HealthMetrics.FactorOf.Keys.Where(m => m != metric), m => Assert.Equal(healthy.Reading(m)!.Score, health.Reading(m)!.Score));
        Assert.True(health.Factor(factor).Points < healthy.Factor(factor).Points);
        Assert.True(health.Score < healthy.Score, $"{metric}: {health.Score} is not below {healthy.Score}");
    }

    [Fact]
    public void Evaluate_RenewalNearForACustomerDoingWell_CostsNothing()
    {
        var health = Entries.Model().Evaluate("organization", Entries.Healthy(renewsInDays: 20).Aggregates(), Entries.Now);

        Assert.Equal(100, health.Score);
        Assert.Equal(1, health.Reading(HealthMetrics.Renewal)!.Score);
        Assert.StartsWith("renewal due in 20 days", health.Reading(HealthMetrics.Renewal)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RenewalNearForACustomerInTrouble_CostsMoreTheCloserItIs()
    {
        var model = Entries.Model();
        HealthAssessment Falling(int renewsInDays) => model.Evaluate("organization", Entries.Healthy(renewsInDays: renewsInDays).Usage(29, 0, -7).Payment("failed", 10).Aggregates(), Entries.Now);

        var far = Falling(200);
        var quarter = Falling(60);
        var month = Falling(20);

        Assert.Equal(1, far.Reading(HealthMetrics.Renewal)!.Score);
        Assert.True(quarter.Reading(HealthMetrics.Renewal)!.Score < 1);
        Assert.True(month.Reading(HealthMetrics.Renewal)!.Score < quarter.Reading(HealthMetrics.Renewal)!.Score);
        Assert.True(month.Factor(HealthFactors.Contract).Points < quarter.Factor(HealthFactors.Contract).Points);
        Assert.True(quarter.Factor(HealthFactors.Contract).Points < far.Factor(HealthFactors.Contract).Points);
        Assert.True(month.Score < far.Score, $"{month.Score} is not below {far.Score}");
        Assert.Equal(far.Factor(HealthFactors.Usage).Points, month.Factor(HealthFactors.Usage).Points);
        Assert.Contains("with the rest of the health at", month.Reading(HealthMetrics.Renewal)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingFactors_LowerTheConfidenceNotTheScore()
    {
        var model = Entries.Model();
        var usageOnly = model.Evaluate("organization", new Entries().Usage(59, 30, 10).Usage(29, 0, 11).Aggregates(), Entries.Now);
        var withPayments = model.Evaluate("organization", new Entries().Usage(59, 30, 10).Usage(29, 0, 11).Invoice("paid", 10).Aggregates(), Entries.Now);

        Assert.Equal(100, usageOnly.Score);
        Assert.Equal(0.3, usageOnly.Confidence);
        Assert.Equal(100, withPayments.Score);
        Assert.Equal(0.5, withPayments.Confidence);
        Assert.True(usageOnly.Factor(HealthFactors.Support).Missing);
        Assert.Equal(0, usageOnly.Factor(HealthFactors.Support).Points);
    }

    [Fact]
    public void Evaluate_NoDataAtAll_HasNoScoreAndTheUnknownBand()
    {
        var health = Entries.Model().Evaluate("person", new Entries().Aggregates(), Entries.Now);

        Assert.Null(health.Score);
        Assert.Equal(HealthBands.Unknown, health.Band);
        Assert.Equal(0, health.Confidence);
        Assert.Null(health.ChurnProbability);
    }

    [Fact]
    public void Evaluate_Segments_PickTheirOwnWeights()
    {
        var model = Entries.Model();
        var big = Entries.Healthy().Subscription("Enterprise plan", 10_000m, 200).Aggregates();

        Assert.Equal("enterprise", model.Evaluate("organization", big, Entries.Now).Segment);
        Assert.Equal("smb", model.Evaluate("organization", Entries.Healthy().Aggregates(), Entries.Now).Segment);
        Assert.Equal("consumer", model.Evaluate("person", Entries.Healthy().Aggregates(), Entries.Now).Segment);

        // The same weak usage costs an SMB (usage weight 30) more than an enterprise (25).
        var weak = Entries.Healthy().Subscription("Enterprise plan", 10_000m, 200).Usage(29, 0, -7).Aggregates();
        var smb = new HealthOptions { Segments = [new SegmentOptions { Name = "smb", PartyType = "organization", Weights = HealthOptions.DefaultSegments[1].Weights }] };
        Assert.True(Entries.Model(smb).Evaluate("organization", weak, Entries.Now).Score < model.Evaluate("organization", weak, Entries.Now).Score);
    }

    [Fact]
    public void Evaluate_ConfiguredBandCutOffs_DecideTheBand()
    {
        var aggregates = Entries.Healthy().Usage(29, 0, -7).Aggregates();
        var score = Entries.Model().Evaluate("organization", aggregates, Entries.Now).Score!.Value;

        Assert.Equal(HealthBands.Green, Entries.Model(new HealthOptions { GreenFrom = score, YellowFrom = score - 1 }).Evaluate("organization", aggregates, Entries.Now).Band);
        Assert.Equal(HealthBands.Yellow, Entries.Model(new HealthOptions { GreenFrom = score + 1, YellowFrom = score }).Evaluate("organization", aggregates, Entries.Now).Band);
        Assert.Equal(HealthBands.Red, Entries.Model(new HealthOptions { GreenFrom = score + 2, YellowFrom = score + 1 }).Evaluate("organization", aggregates, Entries.Now).Band);
    }

    [Fact]
    public void Evaluate_ChurnRiskAmount_IsArrTimesTheMappedProbability()
    {
        // ARR 120,000 USD; payment and support trouble put the score in the 31-45 row (35%).
        var aggregates = new Entries()
            .Subscription("Enterprise plan", 10_000m, 200)
            .Invoice("open", 70).Payment("failed", 10).Payment("failed", 5)
            .Tickets(1, 45).Tickets(5, 8).Tickets(1, 2, "open", "urgent")
            .Usage(59, 30, 10).Usage(29, 0, 7)
            .Aggregates();
        var health = Entries.Model().Evaluate("organization", aggregates, Entries.Now);

        Assert.InRange(health.Score!.Value, 31, 45);
        Assert.Equal(120_000m, health.Arr);
        Assert.Equal("USD", health.ArrCurrency);
        Assert.Equal(0.35, health.ChurnProbability);
        Assert.Equal(42_000m, health.RiskAmount);

        var custom = new HealthOptions { ChurnProbability = [new() { UpTo = 50, Probability = 0.5 }, new() { UpTo = 100, Probability = 0.1 }] };
        Assert.Equal(60_000m, Entries.Model(custom).Evaluate("organization", aggregates, Entries.Now).RiskAmount);
    }

    [Fact]
    public void Evaluate_ArrInAnotherCurrency_IsConvertedWithTheConfiguredRate()
    {
        var aggregates = new Entries().Subscription("Team plan", 1000m, 200, currency: "EUR").Invoice("paid", 10).Aggregates();

        var converted = Entries.Model(new HealthOptions { ExchangeRates = new() { ["EUR"] = 1.1m } }).Evaluate("organization", aggregates, Entries.Now);
        var unconverted = Entries.Model().Evaluate("organization", aggregates, Entries.Now);

        Assert.Equal((13_200m, "USD"), (converted.Arr, converted.ArrCurrency));
        Assert.Equal((12_000m, "EUR"), (unconverted.Arr, unconverted.ArrCurrency));
    }

    [Fact]
    public void Evaluate_MetricTexts_SayTheStateInWords()
    {
        var health = Entries.Model().Evaluate("organization", new Entries().Tickets(3, 45).Tickets(3, 10).Usage(59, 30, 10).Usage(29, 0, 5).Aggregates(), Entries.Now);

        Assert.Equal("support tickets tripled this month (3 in the last 30 days against 1 in a usual month)", health.Reading(HealthMetrics.TicketTrend)!.Text);
        Assert.Equal("product usage fell 50% this month (150 in the last 30 days against 300 the 30 before)", health.Reading(HealthMetrics.UsageTrend)!.Text);
    }

    [Fact]
    public void Evaluate_TicketTrend_JudgesThisMonthAgainstTheCustomersUsualMonth()
    {
        var model = Entries.Model();
        var steadyLarge = model.Evaluate("organization", Entries.Healthy(touches: e => e).Tickets(30, 45).Tickets(30, 75).Tickets(30, 105).Tickets(11, 10).Aggregates(), Entries.Now);
        var firstInMonths = model.Evaluate("organization", new Entries().Tickets(1, 200).Tickets(1, 10).Aggregates(), Entries.Now);
        var surge = model.Evaluate("organization", new Entries().Tickets(3, 45).Tickets(3, 75).Tickets(3, 105).Tickets(9, 10).Aggregates(), Entries.Now);

        Assert.Equal(1, steadyLarge.Reading(HealthMetrics.TicketTrend)!.Score);
        Assert.Equal(0.8, firstInMonths.Reading(HealthMetrics.TicketTrend)!.Score);
        Assert.Equal("1 support ticket this month after none in the 90 days before", firstInMonths.Reading(HealthMetrics.TicketTrend)!.Text);
        Assert.True(surge.Reading(HealthMetrics.TicketTrend)!.Score < 0.5);
        Assert.Equal("support tickets tripled this month (9 in the last 30 days against 3 in a usual month)", surge.Reading(HealthMetrics.TicketTrend)!.Text);
    }

    [Fact]
    public void Evaluate_DaysPastDue_CountsInvoicesDueThisQuarterNotOldBalances()
    {
        var model = Entries.Model();
        var oldBalance = model.Evaluate("organization", Entries.Healthy().Invoice("open", 200).Aggregates(), Entries.Now);
        var late = model.Evaluate("organization", Entries.Healthy().Invoice("open", 200).Invoice("open", 40).Aggregates(), Entries.Now);

        Assert.Equal((0.0, 1.0), (oldBalance.Reading(HealthMetrics.DaysPastDue)!.Value, oldBalance.Reading(HealthMetrics.DaysPastDue)!.Score));
        Assert.Equal("no invoice overdue from the last 90 days; 1 older unpaid invoice to collect", oldBalance.Reading(HealthMetrics.DaysPastDue)!.Text);
        Assert.Equal(40.0, late.Reading(HealthMetrics.DaysPastDue)!.Value);
        Assert.Equal("the oldest invoice due in the last 90 days is 40 days past due; 1 older unpaid invoice to collect", late.Reading(HealthMetrics.DaysPastDue)!.Text);
        Assert.True(late.Score < oldBalance.Score);
    }

    [Fact]
    public void Evaluate_InvoicesPaidByTransfer_ReadHowLateTheyArePaidNotFailedPayments()
    {
        var model = Entries.Model();
        HealthAssessment Payer(int daysLate) => model.Evaluate("organization", new Entries()
            .PaidInvoice(dueDaysAgo: 80, paidDaysAgo: 80 - daysLate).PaidInvoice(dueDaysAgo: 50, paidDaysAgo: 50 - daysLate).PaidInvoice(dueDaysAgo: 20, paidDaysAgo: 22).Aggregates(), Entries.Now);

        var onTime = Payer(0);
        var late = Payer(30);

        Assert.Null(onTime.Reading(HealthMetrics.FailedPayments));
        Assert.Equal((0.0, 1.0), (onTime.Reading(HealthMetrics.DaysPaidLate)!.Value, onTime.Reading(HealthMetrics.DaysPaidLate)!.Score));
        Assert.Equal("the 3 invoices paid in the last 90 days were paid on time", onTime.Reading(HealthMetrics.DaysPaidLate)!.Text);
        Assert.Equal(20.0, late.Reading(HealthMetrics.DaysPaidLate)!.Value);
        Assert.Equal("invoices paid in the last 90 days: on average 20 days after the due date (2 of 3 late, up to 30 days)", late.Reading(HealthMetrics.DaysPaidLate)!.Text);
        // Nothing is overdue now: how late the invoices were paid is the payment factor's only bad news.
        Assert.Equal(1, late.Reading(HealthMetrics.DaysPastDue)!.Score);
        Assert.True(late.Factor(HealthFactors.Payment).Points < onTime.Factor(HealthFactors.Payment).Points);
        Assert.True(late.Score < onTime.Score, $"{late.Score} is not below {onTime.Score}");
    }

    [Fact]
    public void Evaluate_OverdueInvoiceOfACustomerNeverCharged_IsNotDilutedByAPerfectFailedPaymentsMark()
    {
        var model = Entries.Model();
        var transfer = model.Evaluate("organization", new Entries().PaidInvoice(dueDaysAgo: 70, paidDaysAgo: 70).Invoice("open", 40).Aggregates(), Entries.Now);
        var card = model.Evaluate("organization", new Entries().PaidInvoice(dueDaysAgo: 70, paidDaysAgo: 70, "succeeded").Invoice("open", 40).Aggregates(), Entries.Now);

        Assert.Null(transfer.Reading(HealthMetrics.FailedPayments));
        Assert.Equal(
            (transfer.Reading(HealthMetrics.DaysPastDue)!.Score + transfer.Reading(HealthMetrics.DaysPaidLate)!.Score) / 2,
            transfer.Factor(HealthFactors.Payment).Score!.Value,
            6);
        Assert.Equal("no failed payments in 90 days", card.Reading(HealthMetrics.FailedPayments)!.Text);
        Assert.Null(card.Reading(HealthMetrics.DaysPaidLate));
    }

    [Fact]
    public void Evaluate_OneFailedCardPayment_CountsOnceAndItsChargeIsNotReadAsPaidOnTime()
    {
        // As Stripe has it: the invoice's payment intent waits for a payment method after its charge failed.
        var entries = new Entries().Invoice("open", 5).Payment("requires_payment_method", 5).Payment("failed", 5).PaidInvoice(dueDaysAgo: 35, paidDaysAgo: 35, "succeeded");

        var health = Entries.Model().Evaluate("organization", entries.Aggregates(), Entries.Now);

        Assert.Equal("1 failed payment in the last 90 days", health.Reading(HealthMetrics.FailedPayments)!.Text);
        Assert.Null(health.Reading(HealthMetrics.DaysPaidLate));
    }

    [Fact]
    public void Evaluate_SteadyUsageAndNoMeetings_CostNothingOrLittle()
    {
        var model = Entries.Model();
        var steady = model.Evaluate("organization", new Entries().Usage(59, 30, 10).Usage(29, 0, 10).Aggregates(), Entries.Now);
        var noMeetings = model.Evaluate("organization", Entries.Healthy(touches: e => e.Touch(5)).Aggregates(), Entries.Now);

        Assert.Equal(100, steady.Score);
        Assert.Equal(0.85, noMeetings.Reading(HealthMetrics.Meetings)!.Score);
    }

    [Fact]
    public void Evaluate_OpenEscalations_CountFullyThisMonthAndHalfOnceOlder()
    {
        var model = Entries.Model();
        var fresh = model.Evaluate("organization", Entries.Healthy().Tickets(2, 5, "open", "urgent").Aggregates(), Entries.Now);
        var stale = model.Evaluate("organization", Entries.Healthy().Tickets(2, 75, "open", "urgent").Aggregates(), Entries.Now);
        var both = model.Evaluate("organization", Entries.Healthy().Tickets(1, 5, "open", "urgent").Tickets(2, 75, "open", "urgent").Aggregates(), Entries.Now);

        Assert.Equal((2.0, "2 open escalations raised in the last 30 days"), (fresh.Reading(HealthMetrics.OpenEscalations)!.Value, fresh.Reading(HealthMetrics.OpenEscalations)!.Text));
        Assert.Equal((1.0, "2 open escalations older than 30 days"), (stale.Reading(HealthMetrics.OpenEscalations)!.Value, stale.Reading(HealthMetrics.OpenEscalations)!.Text));
        Assert.Equal((2.0, "3 open escalations, 1 raised in the last 30 days"), (both.Reading(HealthMetrics.OpenEscalations)!.Value, both.Reading(HealthMetrics.OpenEscalations)!.Text));
        Assert.True(stale.Reading(HealthMetrics.OpenEscalations)!.Score > fresh.Reading(HealthMetrics.OpenEscalations)!.Score);
    }

    [Fact]
    public void Validate_InconsistentModel_NamesTheSetting()
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions
        {
            GreenFrom = 40,
            YellowFrom = 50,
            Segments = [new SegmentOptions { Name = "x", Weights = new() { ["mood"] = 1 } }],
            Curves = new() { ["usageTrend"] = [new(0, 1), new(-1, 0)] },
        });

        Assert.True(result.Failed);
        Assert.Contains("YellowFrom", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Weights:mood is not a factor", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Curves:usageTrend", result.FailureMessage, StringComparison.Ordinal);
    }
}
