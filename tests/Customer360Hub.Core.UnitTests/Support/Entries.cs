using Customer360Hub.Profiles;
using Customer360Hub.Scoring;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Core.UnitTests.Support;

/// <summary>Timeline entries relative to a fixed now, added up by the real aggregate calculator.</summary>
public sealed class Entries
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TimelineEntry> _entries = [];
    private int _next;

    public static AggregateCalculator Calculator { get; } = new(Options.Create(new AggregateOptions()), new FakeTimeProvider(Now));

    public static HealthModel Model(HealthOptions? options = null) => new(Options.Create(options ?? new HealthOptions()));

    public IReadOnlyList<TimelineEntry> All => _entries;

    public ProfileAggregates Aggregates() => _entries.Aggregate(new ProfileAggregates { ProfileId = "p" }, Calculator.Add);

    public Entries Add(string kind, int daysAgo, Func<TimelineEntry, TimelineEntry> fill)
    {
        _entries.Add(fill(new TimelineEntry
        {
            ProfileId = "p",
            RecordKey = $"src/{kind}/{++_next}",
            Kind = kind,
            Source = "src",
            OccurredAt = Now.AddDays(-daysAgo),
        }));
        return this;
    }

    public Entries Usage(int fromDaysAgo, int toDaysAgo, decimal perDay)
    {
        for (var day = fromDaysAgo; day >= toDaysAgo; day--)
        {
            Add("usage", day, e => e with { Quantity = perDay });
        }

        return this;
    }

    public Entries Tickets(int count, int daysAgo, string status = "solved", string? priority = null)
    {
        for (var i = 0; i < count; i++)
        {
            Add("ticket", daysAgo, e => e with { Status = status, Priority = priority });
        }

        return this;
    }

    public Entries Ratings(int good, int bad, int daysAgo = 20)
    {
        for (var i = 0; i < good + bad; i++)
        {
            var satisfied = i < good;
            Add("ticket", daysAgo, e => e with { Satisfied = satisfied });
        }

        return this;
    }

    public Entries Nps(int answer, int count, int daysAgo = 30)
    {
        for (var i = 0; i < count; i++)
        {
            Add("marketingEvent", daysAgo, e => e with { Nps = answer, Channel = "survey" });
        }

        return this;
    }

    public Entries Invoice(string status, int dueDaysAgo, decimal amount = 100m) =>
        Add("invoice", dueDaysAgo + 30, e => e with { Status = status, Amount = amount, DueOn = DateOnly.FromDateTime(Now.AddDays(-dueDaysAgo).UtcDateTime) });

    public Entries Payment(string status, int daysAgo, decimal amount = 100m) =>
        Add("payment", daysAgo, e => e with { Status = status, Amount = amount });

    /// <summary>An invoice and the payment that settled it (<paramref name="paymentStatus"/>: <c>posted</c> for a receipt in an ERP, <c>succeeded</c> for a card charge).</summary>
    public Entries PaidInvoice(int dueDaysAgo, int paidDaysAgo, string paymentStatus = "posted", decimal amount = 100m)
    {
        Invoice("paid", dueDaysAgo, amount);
        var invoice = _entries[^1].RecordKey;
        return Add("payment", paidDaysAgo, e => e with { Status = paymentStatus, Amount = amount, RelatedRef = invoice });
    }

    public Entries Emails(int sent, int opened, int daysAgo = 30)
    {
        for (var i = 0; i < sent; i++)
        {
            Add("marketingEvent", daysAgo, e => e with { Status = "sent", Channel = "email" });
        }

        for (var i = 0; i < opened; i++)
        {
            Add("marketingEvent", daysAgo, e => e with { Status = "open", Channel = "email" });
        }

        return this;
    }

    public Entries Touch(int daysAgo, string channel = "email") => Add("interaction", daysAgo, e => e with { Channel = channel });

    public Entries Subscription(string product, decimal monthly, int renewsInDays, string status = "active", decimal? limit = null, string currency = "USD") =>
        Add("subscription", 300, e => e with
        {
            Status = status,
            Product = product,
            Amount = monthly,
            Currency = currency,
            BillingInterval = "month",
            Quantity = 1,
            UsageLimit = limit,
            RenewsOn = DateOnly.FromDateTime(Now.AddDays(renewsInDays).UtcDateTime),
        });

    /// <summary>
    /// A customer doing well on every factor: the model's score is 100. <paramref name="touches"/>
    /// replaces the touches with the account team; <paramref name="renewsInDays"/> moves the renewal.
    /// </summary>
    public static Entries Healthy(Func<Entries, Entries>? touches = null, int renewsInDays = 200) =>
        (touches ?? (e => e.Touch(5).Touch(20, "meeting").Touch(40, "meeting")))(new Entries()
            .Usage(59, 30, 10).Usage(29, 0, 11)
            .Tickets(1, 45).Tickets(1, 10)
            .PaidInvoice(20, 21, "succeeded").PaidInvoice(50, 52)
            .Emails(10, 5))
        .Subscription("Team plan", 1000m, renewsInDays)
        .Ratings(10, 0).Nps(10, 5);
}
