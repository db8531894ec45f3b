using System.Text.Json;
using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Customer360Hub.Timeline;

namespace Customer360Hub.Core.UnitTests.Timeline;

public sealed class TransactionLinkerTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create(new Dictionary<string, string?> { ["Profiles:Retention:Transactions:marketingEvent"] = "30.00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Apply_TransactionsBeforeTheirCustomer_WaitInPendingAndLinkWhenItArrives()
    {
        await _hub.ResolveAsync(
            Invoice("I1", "crm/contact/1", 250m, "open", "2026-10-20"),
            Ticket("T1", "email:Jane@Example.com", "open", null));

        Assert.Empty(await _hub.Store.Profiles.ScanAsync().ToListAsync());
        Assert.Single(await _hub.Store.Pending.QueryAllAsync("crm/contact/1"));
        Assert.Single(await _hub.Store.Pending.QueryAllAsync("email:jane@example.com"));

        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["full_name"] = "Jane" }));

        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;
        Assert.Equal(["ticket", "invoice"], (await _hub.TimelineOfAsync(profileId)).OrderByDescending(e => e.OccurredAt).Select(e => e.Kind));
        Assert.Empty(await _hub.Store.Pending.QueryAllAsync("crm/contact/1"));
        Assert.Empty(await _hub.Store.Pending.QueryAllAsync("email:jane@example.com"));
        var aggregates = (await _hub.AggregatesOfAsync(profileId))!;
        Assert.Equal(250m, aggregates.OpenInvoices["billing/invoice/I1"].Balance);
        Assert.Equal(1, aggregates.OpenTickets);
    }

    [Fact]
    public async Task Apply_TransactionParksWhileItsCustomerArrivesInAParallelBatch_OneBatchIsRetriedAndItLinks()
    {
        var ticket = Ticket("T7", "email:jane@example.com", "open", null);
        var jane = TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com" });
        var parked = new TaskCompletionSource();
        var customerCommitted = new TaskCompletionSource();

        // Two resolver workers: one parks the ticket (nobody holds the email yet), the other
        // creates the customer and commits first. The ticket's batch must not commit as it is.
        var ticketBatch = Task.Run(async () =>
        {
            await using var work = _hub.Store.BeginUnitOfWork();
            await _hub.Get<TransactionLinker>().ApplyAsync(ticket);
            parked.SetResult();
            await customerCommitted.Task;
            await work.CommitAsync();
        });
        await Task.Run(async () =>
        {
            await parked.Task;
            await using var work = _hub.Store.BeginUnitOfWork();
            foreach (var profileId in await _hub.Get<IdentityResolver>().ApplyAsync(jane))
            {
                await _hub.Get<PartyLinks>().ApplyAsync(jane.RecordKey);
                await _hub.Get<ProfileComposer>().ComposeAsync(profileId, jane.PulledAt);
            }

            await work.CommitAsync();
        });
        customerCommitted.SetResult();

        await Assert.ThrowsAsync<DocumentConflictException>(() => ticketBatch);
        await _hub.ResolveAsync(ticket); // the bus delivers the failed batch again
        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;
        Assert.Equal(["support/ticket/T7"], (await _hub.TimelineOfAsync(profileId)).Select(e => e.RecordKey));
        Assert.Empty(await _hub.Store.Pending.QueryAllAsync("email:jane@example.com"));
    }

    [Fact]
    public async Task Apply_TransactionWithoutCustomerReference_IsQuarantinedNotLost()
    {
        await _hub.ResolveAsync(TestHub.Transaction("billing", "invoice", "I9", RecordKind.Invoice, "   ", new Dictionary<string, string> { ["amount"] = "5" }));

        var quarantined = Assert.Single(await _hub.Store.Quarantine.QueryAllAsync("billing"));
        Assert.Contains("no valid customer reference", quarantined.Document.Reason, StringComparison.Ordinal);
        Assert.NotNull(await _hub.Store.Records.GetAsync(Customer360Hub.Storage.DocumentKey.Single("billing/invoice/I9")));
    }

    [Fact]
    public async Task Aggregates_EveryMeasure_IsKeptFromTheTransactions()
    {
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com" }));
        var now = _hub.Time.GetUtcNow();
        await _hub.ResolveAsync(
            Payment("P1", 100.50m, "succeeded"),
            Payment("P2", 40m, "failed"),
            Subscription("S1", "Pro", 30m, "month", 2, "active", "2026-12-01"),
            Subscription("S2", "Analytics", 1200m, "year", 1, "active", "2027-03-01"),
            Subscription("S3", "Legacy", 99m, "month", 1, "canceled", null),
            Invoice("I1", "crm/contact/1", 200m, "open", "2026-10-22"),
            Invoice("I2", "crm/contact/1", 50m, "open", "2026-11-20"),
            Invoice("I3", "crm/contact/1", 75m, "paid", "2026-09-01"),
            Opportunity("O1", 5000m, "open"),
            Opportunity("O2", 1000m, "won"),
            Ticket("T1", "crm/contact/1", "open", null),
            Ticket("T2", "crm/contact/1", "solved", "good"),
            Ticket("T3", "crm/contact/1", "solved", "2"),
            Interaction("M1", now.AddDays(-2)),
            Usage("U1", now.AddDays(-5), 10m),
            Usage("U2", now.AddDays(-40), 4m),
            Usage("U3", now.AddDays(-100), 7m));

        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;
        var summary = AggregateSummary.Of(await _hub.AggregatesOfAsync(profileId), now);

        Assert.Equal(100.5m, summary.LifetimeValue["USD"]);
        Assert.Equal(160m, summary.Mrr["USD"]);
        Assert.Equal(1920m, summary.Arr["USD"]);
        Assert.Equal(250m, summary.OpenReceivables["USD"]);
        Assert.Equal(200m, summary.OverdueReceivables["USD"]);
        Assert.Equal((2, 1, 10), (summary.OpenInvoices, summary.OverdueInvoices, summary.MaxDaysPastDue));
        Assert.Equal((1, 5000m), (summary.OpenOpportunities, summary.Pipeline["USD"]));
        Assert.Equal((1, 0.5, 2), (summary.OpenTickets, summary.Csat, summary.CsatResponses));
        Assert.Equal(now.AddDays(-2), summary.LastInteractionAt);
        Assert.Equal(["Analytics", "Pro"], summary.ProductsHeld);
        Assert.Equal(new DateOnly(2026, 12, 1), summary.NextRenewalOn);
        Assert.Equal(2, summary.Renewals.Count);
        Assert.Equal((10m, 4m, 1.5), (summary.Usage.Last30Days, summary.Usage.Previous30Days, summary.Usage.Trend30Days));
        Assert.Equal((14m, 7m, 1.0), (summary.Usage.Last90Days, summary.Usage.Previous90Days, summary.Usage.Trend90Days));
        Assert.Equal(17, summary.TransactionCounts.Values.Sum());
    }

    [Fact]
    public async Task Apply_UpdatesAndDeletes_MoveTheAggregatesIncrementally()
    {
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com" }));
        var open = Invoice("I1", "crm/contact/1", 200m, "open", "2026-10-22");
        var meeting = Interaction("M1", _hub.Time.GetUtcNow().AddDays(-1));
        var older = Interaction("M2", _hub.Time.GetUtcNow().AddDays(-9));
        await _hub.ResolveAsync(open, meeting, older);
        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;

        await _hub.ResolveAsync(Invoice("I1", "crm/contact/1", 200m, "paid", "2026-10-22", version: 2), TestHub.Deleted(meeting, 2));

        var aggregates = (await _hub.AggregatesOfAsync(profileId))!;
        Assert.Empty(aggregates.OpenInvoices);
        Assert.Equal(_hub.Time.GetUtcNow().AddDays(-9), aggregates.LastInteractionAt);
        Assert.Equal(2, (await _hub.TimelineOfAsync(profileId)).Count);
    }

    [Fact]
    public async Task Relink_RecordJoinsAnotherProfile_ItsTransactionsFollowAndAnEmailReferenceWaits()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "contact", "A", 1, new Dictionary<string, string> { ["email"] = "ann@example.com" }),
            TestHub.Party("erp", "customer", "B", 1, new Dictionary<string, string> { ["email"] = "bob@example.com" }));
        await _hub.ResolveAsync(
            Invoice("IA", "crm/contact/A", 120.10m, "open", "2026-10-01"),
            Payment("PA", 99.99m, "succeeded", "crm/contact/A"),
            Invoice("IB", "erp/customer/B", 80m, "open", "2026-12-01"),
            Ticket("TB", "email:bob@example.com", "open", "good"),
            Usage("UB", _hub.Time.GetUtcNow().AddDays(-3), 12.5m, "erp/customer/B"));
        var ann = (await _hub.ProfileIdOfAsync("crm/contact/A"))!;
        var bob = (await _hub.ProfileIdOfAsync("erp/customer/B"))!;
        var before = (Ann: await SnapshotAsync(ann), Bob: await SnapshotAsync(bob));

        // B's record now carries A's email: the identity engine merges B's profile into A's (B's id redirects).
        await _hub.ResolveAsync(TestHub.Party("erp", "customer", "B", 2, new Dictionary<string, string> { ["email"] = "ann@example.com" }));
        Assert.Equal(ann, await _hub.ProfileIdOfAsync("erp/customer/B"));
        Assert.Equal(4, (await _hub.TimelineOfAsync(ann)).Count);
        Assert.Single(await _hub.Store.Pending.QueryAllAsync("email:bob@example.com")); // nobody holds bob@ now: the ticket waits
        Assert.Equal(200.1m, AggregateSummary.Of(await _hub.AggregatesOfAsync(ann), _hub.Time.GetUtcNow()).OpenReceivables["USD"]);

        Assert.Null(await _hub.AggregatesOfAsync(bob));
        Assert.Equal(ann, (await _hub.Store.Profiles.GetAsync(Customer360Hub.Storage.DocumentKey.Single(bob)))!.Document.RedirectTo);
        Assert.NotEqual(before.Ann, await SnapshotAsync(ann));
    }

    [Fact]
    public async Task Relink_ReferenceHead_SaysWhoHoldsAllItsTransactionsOnlyWhileOneProfileDoes()
    {
        // The head lets a re-link that would move nothing skip reading the reference's transactions,
        // so it must name a profile only while every transaction under the reference is on it.
        const string Bob = "email:bob@example.com";
        await _hub.ResolveAsync(Ticket("T1", Bob, "open", null));
        Assert.Null((await HeadAsync(Bob)).LinkedTo);

        await _hub.ResolveAsync(TestHub.Party("erp", "customer", "B", 1, new Dictionary<string, string> { ["email"] = "bob@example.com" }));
        var bob = (await _hub.ProfileIdOfAsync("erp/customer/B"))!;
        Assert.Equal(bob, (await HeadAsync(Bob)).LinkedTo);

        await _hub.ResolveAsync(Ticket("T2", Bob, "open", null));
        await _hub.ResolveAsync(TestHub.Party("erp", "customer", "B", 2, new Dictionary<string, string> { ["email"] = "bob@example.com", ["full_name"] = "Bob" }));
        Assert.Equal(bob, (await HeadAsync(Bob)).LinkedTo);
        Assert.Equal(2, (await _hub.TimelineOfAsync(bob)).Count);

        // Bob's record gives the address up: nobody holds it, both tickets wait.
        await _hub.ResolveAsync(TestHub.Party("erp", "customer", "B", 3, new Dictionary<string, string> { ["email"] = "robert@example.com" }));
        Assert.Null((await HeadAsync(Bob)).LinkedTo);
        Assert.Equal(2, (await _hub.Store.Pending.QueryAllAsync(Bob)).Count);
        Assert.Empty(await _hub.TimelineOfAsync(bob));

        // And takes it back: both link again.
        await _hub.ResolveAsync(TestHub.Party("erp", "customer", "B", 4, new Dictionary<string, string> { ["email"] = "bob@example.com" }));
        Assert.Equal(bob, (await HeadAsync(Bob)).LinkedTo);
        Assert.Equal(2, (await _hub.TimelineOfAsync(bob)).Count);
        Assert.Empty(await _hub.Store.Pending.QueryAllAsync(Bob));
    }

    [Fact]
    public async Task Relink_RedirectMergeThenSplit_RestoresBothTimelinesAndAggregatesExactly()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "contact", "A", 1, new Dictionary<string, string> { ["email"] = "ann@example.com" }),
            TestHub.Party("erp", "customer", "B", 1, new Dictionary<string, string> { ["email"] = "bob@example.com" }));
        await _hub.ResolveAsync(
            Subscription("SA", "Pro", 49.90m, "month", 3, "active", "2027-01-15", "crm/contact/A"),
            Interaction("MA", _hub.Time.GetUtcNow().AddDays(-1), "crm/contact/A"),
            Opportunity("OB", 700m, "open", "erp/customer/B"),
            Interaction("MB", _hub.Time.GetUtcNow().AddDays(-7), "erp/customer/B"));
        var ann = (await _hub.ProfileIdOfAsync("crm/contact/A"))!;
        var bob = (await _hub.ProfileIdOfAsync("erp/customer/B"))!;
        var before = (Ann: await SnapshotAsync(ann), Bob: await SnapshotAsync(bob));

        await IdentityMerges.MergeAsync(_hub, bob, ann);
        Assert.Equal(4, (await _hub.TimelineOfAsync(ann)).Count);
        Assert.Empty(await _hub.TimelineOfAsync(bob));
        Assert.Null(await _hub.AggregatesOfAsync(bob));

        await IdentityMerges.SplitAsync(_hub, ann, bob, ["erp/customer/B"]);
        Assert.Equal(before.Ann, await SnapshotAsync(ann));
        Assert.Equal(before.Bob, await SnapshotAsync(bob));
    }

    [Fact]
    public async Task Retention_TransactionKindWithRetention_ExpiresAndOneAlreadyPastIsNotLinked()
    {
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com" }));
        var now = _hub.Time.GetUtcNow();
        await _hub.ResolveAsync(Marketing("E1", now.AddDays(-10)), Marketing("E2", now.AddDays(-45)));
        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;

        Assert.Equal(["billing/marketingEvent/E1"], (await _hub.TimelineOfAsync(profileId)).Select(e => e.RecordKey));
        _hub.Time.Advance(TimeSpan.FromDays(21));
        Assert.Empty(await _hub.TimelineOfAsync(profileId));
    }

    [Fact]
    public async Task Handle_ACustomersTransactionsInOneBatch_SameTimelinesAggregatesAndIndexAsOneAtATime()
    {
        // The resolver applies a batch's consecutive transactions together (one timeline write per
        // profile); the outcome must not differ from delivering each change on its own, including a
        // record that comes twice, one that moves to another customer, a delete and a party change between.
        var now = _hub.Time.GetUtcNow();
        var changes = new[]
        {
            TestHub.Party("crm", "contact", "A", 1, new Dictionary<string, string> { ["email"] = "ann@example.com" }),
            TestHub.Party("erp", "customer", "B", 1, new Dictionary<string, string> { ["email"] = "bob@example.com" }),
            Invoice("I1", "crm/contact/A", 200m, "open", "2026-10-22"),
            Payment("P1", 40m, "failed", "crm/contact/A"),
            Ticket("T1", "email:ann@example.com", "open", null),
            Invoice("I1", "crm/contact/A", 200m, "paid", "2026-10-22", version: 2),
            Usage("U1", now.AddDays(-3), 12.5m, "crm/contact/A"),
            Invoice("I2", "erp/customer/B", 80m, "open", "2026-12-01"),
            Interaction("M1", now.AddDays(-1), "crm/contact/A"),
            TestHub.Party("erp", "customer", "B", 2, new Dictionary<string, string> { ["email"] = "bob@example.com", ["full_name"] = "Bob" }),
            Payment("P1", 40m, "failed", "erp/customer/B") with { Id = "moved-P1", SourceVersion = "2", ModifiedAt = now },
            TestHub.Deleted(Interaction("M1", now.AddDays(-1), "crm/contact/A"), 2),
            Ticket("T2", "email:carl@example.com", "open", null),
        };
        await _hub.ResolveAsync(changes);

        await using var batched = TestHub.Create(new Dictionary<string, string?> { ["Profiles:Retention:Transactions:marketingEvent"] = "30.00:00:00" });
        var messages = changes.Select(c => new ReceivedMessage(Topics.SourceChanges, Topics.ResolverSubscription, c.Id, c.PartitionKey, "s", SourceChangeSerializer.Serialize(c), 1, batched.Time.GetUtcNow(), "1:x")).ToList();
        Assert.Empty(await batched.Get<ChangeResolver>().HandleAsync(messages));

        foreach (var recordKey in new[] { "crm/contact/A", "erp/customer/B" })
        {
            var one = (await _hub.ProfileIdOfAsync(recordKey))!;
            var all = (await batched.ProfileIdOfAsync(recordKey))!;
            Assert.Equal(await SnapshotAsync(_hub, one), await SnapshotAsync(batched, all));
        }

        Assert.Equal(3, (await _hub.TimelineOfAsync((await _hub.ProfileIdOfAsync("crm/contact/A"))!)).Count); // I1, T1 and U1: P1 moved to B, M1 deleted
        foreach (var customerRef in new[] { "crm/contact/A", "erp/customer/B", "email:ann@example.com", "email:carl@example.com" })
        {
            Assert.Equal(await IndexOfAsync(_hub, customerRef), await IndexOfAsync(batched, customerRef));
        }

        Assert.Single(await batched.Store.Pending.QueryAllAsync("email:carl@example.com"));
    }

    private static async Task<string> IndexOfAsync(TestHub hub, string customerRef)
    {
        var head = await hub.Store.RefHeads.GetAsync(new DocumentKey(customerRef, RefHead.DocumentId));
        var linked = await hub.Store.Refs.QueryAllAsync(customerRef, RefLink.Transaction + "|");
        var pending = await hub.Store.Pending.QueryAllAsync(customerRef);
        return $"{head?.Document.LinkedTo is not null}|{string.Join(',', linked.Select(l => l.Document.RecordKey))}|{string.Join(',', pending.Select(p => p.Document.RecordKey))}";
    }

    private Task<string> SnapshotAsync(string profileId) => SnapshotAsync(_hub, profileId);

    private static async Task<string> SnapshotAsync(TestHub hub, string profileId)
    {
        var aggregates = await hub.AggregatesOfAsync(profileId);
        var timeline = await hub.TimelineOfAsync(profileId);
        return JsonSerializer.Serialize(aggregates! with { ChangedAt = default }, CoreJsonContext.Default.ProfileAggregates)
            + string.Join('\n', timeline.Select(e => JsonSerializer.Serialize(e, CoreJsonContext.Default.TimelineEntry)));
    }

    private static SourceChange Invoice(string id, string customer, decimal amount, string status, string due, int version = 1) =>
        TestHub.Transaction("billing", "invoice", id, RecordKind.Invoice, customer, new Dictionary<string, string>
        {
            ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status, ["due_date"] = due, ["occurred_at"] = "2026-09-15T10:00:00Z",
        }, version);

    private static SourceChange Payment(string id, decimal amount, string status, string customer = "crm/contact/1") =>
        TestHub.Transaction("billing", "payment", id, RecordKind.Payment, customer, new Dictionary<string, string> { ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status, ["currency"] = "usd" });

    private static SourceChange Subscription(string id, string product, decimal amount, string interval, int quantity, string status, string? renewal, string customer = "crm/contact/1")
    {
        var attributes = new Dictionary<string, string>
        {
            ["product"] = product, ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["billing_interval"] = interval,
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status,
        };
        if (renewal is not null)
        {
            attributes["renewal_date"] = renewal;
        }

        return TestHub.Transaction("billing", "subscription", id, RecordKind.Subscription, customer, attributes);
    }

    private static SourceChange Opportunity(string id, decimal amount, string status, string customer = "crm/contact/1") =>
        TestHub.Transaction("crm", "opportunity", id, RecordKind.Opportunity, customer, new Dictionary<string, string> { ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status });

    private static SourceChange Ticket(string id, string customer, string status, string? csat)
    {
        var attributes = new Dictionary<string, string> { ["status"] = status, ["title"] = "Help " + id, ["occurred_at"] = "2026-09-20T08:00:00Z" };
        if (csat is not null)
        {
            attributes["csat"] = csat;
        }

        return TestHub.Transaction("support", "ticket", id, RecordKind.Ticket, customer, attributes);
    }

    private static SourceChange Interaction(string id, DateTimeOffset at, string customer = "crm/contact/1") =>
        TestHub.Transaction("crm", "meeting", id, RecordKind.Interaction, customer, new Dictionary<string, string> { ["occurred_at"] = at.ToString("O"), ["channel"] = "meeting" });

    private static SourceChange Usage(string id, DateTimeOffset at, decimal quantity, string customer = "crm/contact/1") =>
        TestHub.Transaction("product", "usage", id, RecordKind.Usage, customer, new Dictionary<string, string> { ["occurred_at"] = at.ToString("O"), ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private async Task<RefHead> HeadAsync(string customerRef) =>
        (await _hub.Store.RefHeads.GetAsync(new DocumentKey(customerRef, RefHead.DocumentId)))!.Document;

    private static SourceChange Marketing(string id, DateTimeOffset at) =>
        TestHub.Transaction("billing", "marketingEvent", id, RecordKind.MarketingEvent, "email:jane@example.com", new Dictionary<string, string> { ["occurred_at"] = at.ToString("O"), ["title"] = "Opened newsletter" });
}
