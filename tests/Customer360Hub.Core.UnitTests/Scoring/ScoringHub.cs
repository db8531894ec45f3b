using System.Globalization;
using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Customer360Hub.Core.UnitTests.Scoring;

/// <summary>A test hub with a recording notifier and shorthands for the changes scoring tests send.</summary>
public sealed class ScoringHub : IAsyncDisposable
{
    private int _next;

    public ScoringHub(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Notifier = new Mock<INotifier>();
        Notifier.Setup(n => n.NotifyAsync(It.IsAny<Alert>(), It.IsAny<CancellationToken>()))
            .Callback<Alert, CancellationToken>((alert, _) => Alerts.Add(alert))
            .Returns(Task.CompletedTask);
        Hub = TestHub.Create(settings, services => services.AddSingleton(Notifier.Object));
    }

    public TestHub Hub { get; }

    public Mock<INotifier> Notifier { get; }

    public List<Alert> Alerts { get; } = [];

    public DateTimeOffset Now => Hub.Time.GetUtcNow();

    public async Task<string> AccountAsync(string id, params SourceChange[] transactions)
    {
        await Hub.ResolveAsync(TestHub.Party("crm", "account", id, 1, new Dictionary<string, string> { ["company_name"] = "Company " + id, ["party_type"] = "organization" }));
        await Hub.ResolveAsync(transactions);
        return (await Hub.ProfileIdOfAsync("crm/account/" + id))!;
    }

    public SourceChange Usage(string account, int daysAgo, decimal quantity, string? id = null) =>
        Transaction("product", "usage", account, RecordKind.Usage, daysAgo, new() { ["quantity"] = Number(quantity) }, id);

    public IEnumerable<SourceChange> DailyUsage(string account, int fromDaysAgo, int toDaysAgo, decimal perDay)
    {
        for (var day = fromDaysAgo; day >= toDaysAgo; day--)
        {
            yield return Usage(account, day, perDay);
        }
    }

    public SourceChange Ticket(string account, int daysAgo, string status = "solved", string? priority = null)
    {
        var attributes = new Dictionary<string, string> { ["status"] = status, ["title"] = "Help" };
        if (priority is not null)
        {
            attributes["priority"] = priority;
        }

        return Transaction("support", "ticket", account, RecordKind.Ticket, daysAgo, attributes);
    }

    public SourceChange Subscription(string account, string product, decimal monthly, int renewsInDays, string status = "active", decimal? limit = null)
    {
        var attributes = new Dictionary<string, string>
        {
            ["product"] = product, ["amount"] = Number(monthly), ["billing_interval"] = "month", ["quantity"] = "1", ["status"] = status, ["currency"] = "USD",
            ["renewal_date"] = Now.AddDays(renewsInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (limit is not null)
        {
            attributes["usage_limit"] = Number(limit.Value);
        }

        return Transaction("billing", "subscription", account, RecordKind.Subscription, 300, attributes);
    }

    /// <summary>Usage down 70%, six urgent open tickets, two failed payments: a customer in trouble.</summary>
    public IEnumerable<SourceChange> Troubled(string account, decimal monthly) =>
    [
        Subscription(account, "Team plan", monthly, 200),
        .. DailyUsage(account, 59, 30, 10), .. DailyUsage(account, 29, 0, 3),
        Ticket(account, 40), .. Enumerable.Range(0, 6).Select(_ => Ticket(account, 5, "open", "urgent")),
        Payment(account, 5, "failed"), Payment(account, 3, "failed"),
    ];

    public SourceChange Payment(string account, int daysAgo, string status) =>
        Transaction("billing", "payment", account, RecordKind.Payment, daysAgo, new() { ["status"] = status, ["amount"] = "100", ["currency"] = "USD" });

    public SourceChange Transaction(string source, string entityType, string account, RecordKind kind, int daysAgo, Dictionary<string, string> attributes, string? id = null)
    {
        attributes["occurred_at"] = Now.AddDays(-daysAgo).AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        return TestHub.Transaction(source, entityType, id ?? $"{entityType}-{++_next}", kind, "crm/account/" + account, attributes, modifiedAt: Now.AddMinutes(-_next));
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
