using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.History;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Core.UnitTests.Resolution;

public sealed class ProfileComposerTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create(new Dictionary<string, string?>
    {
        // The address group's system of record is billing, then the CRM.
        ["Profiles:Survivorship:Groups:address:Fields:0"] = "address_line1",
        ["Profiles:Survivorship:Groups:address:Fields:1"] = "city",
        ["Profiles:Survivorship:Groups:address:Fields:2"] = "postcode",
        ["Profiles:Survivorship:Groups:address:Rules:0"] = "SourcePriority",
        ["Profiles:Survivorship:Groups:address:Rules:1"] = "MostRecent",
        ["Profiles:Survivorship:Groups:address:SourcePriority:0"] = "billing",
        ["Profiles:Survivorship:Groups:address:SourcePriority:1"] = "crm",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Compose_CrmChicagoBillingNewYork_ConfiguredSystemOfRecordDecidesWithLineage()
    {
        await _hub.ResolveAsync(
            TestHub.Party("billing", "customer", "B7", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["address_line1"] = "5 Broadway", ["city"] = "New York", ["postcode"] = "10006" }),
            TestHub.Party("crm", "contact", "C1", 9, new Dictionary<string, string> { ["email"] = "jane@example.com", ["address_line1"] = "1 Lake St", ["city"] = "Chicago", ["full_name"] = "Jane Doe" }));

        var profile = await _hub.ProfileOfAsync("crm/contact/C1");

        var city = profile.Fields["city"];
        Assert.Equal(("New York", "billing", "B7", "source-priority"), (city.Value, city.Source, city.RecordId, city.Rule));
        Assert.Equal("Chicago", Assert.Single(city.Alternatives!).Value);
        Assert.Equal(["5 Broadway, New York, 10006", "1 Lake St, Chicago"], profile.ContactPoints.Addresses.Select(a => a.Value));
        Assert.True(profile.ContactPoints.Addresses[0].Primary);
        Assert.Equal("Jane Doe", profile.Fields["full_name"].Value);
    }

    [Fact]
    public async Task Compose_EmailsAndPhones_AreMultiValuedWithAPrimary()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["phone"] = "(312) 555-0100", ["country"] = "US" }),
            TestHub.Party("erp", "customer", "2", 2, new Dictionary<string, string> { ["email"] = "JANE@example.com", ["phone"] = "+44 20 7946 0958" }),
            TestHub.Party("crm", "contact", "1", 3, new Dictionary<string, string> { ["email"] = "jane@example.com", ["phone"] = "(312) 555-0100", ["country"] = "US" }));

        var profile = await _hub.ProfileOfAsync("crm/contact/1");

        var email = Assert.Single(profile.ContactPoints.Emails);
        Assert.Equal(("jane@example.com", true, 2), (email.Value, email.Primary, email.RecordKeys.Count));
        Assert.Equal(["+13125550100", "+442079460958"], profile.ContactPoints.Phones.Select(p => p.Value).Order(StringComparer.Ordinal));
        Assert.Single(profile.ContactPoints.Phones, p => p.Primary);
    }

    [Fact]
    public async Task Compose_ConsentPerChannel_MostRestrictiveStatementWinsWithSourceAndTime()
    {
        var optedOutAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await _hub.ResolveAsync(
            TestHub.Party("marketing", "member", "m1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["consent_email"] = "unsubscribed", ["consent_sms"] = "yes" }, optedOutAt),
            TestHub.Party("crm", "contact", "c1", 2, new Dictionary<string, string> { ["email"] = "jane@example.com", ["consent_email"] = "opted_in" }, optedOutAt.AddMonths(2)));

        var consent = (await _hub.ProfileOfAsync("crm/contact/c1")).Consent;

        Assert.Equal(("opted_out", "marketing", "m1", optedOutAt, "most-restrictive"), (consent["email"].Value, consent["email"].Source, consent["email"].RecordId, consent["email"].ObservedAt, consent["email"].Rule));
        Assert.Equal("opted_in", Assert.Single(consent["email"].Alternatives!).Value);
        Assert.Equal("opted_in", consent["sms"].Value);
        Assert.False(consent.ContainsKey("mail"));
    }

    [Fact]
    public async Task Compose_InvalidValues_AreQuarantinedWithReasonAndKeptOutOfTheProfile()
    {
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string>
        {
            ["full_name"] = "Jane Doe",
            ["email"] = "jane@@example",
            ["phone"] = "12",
            ["date_of_birth"] = "2999-01-01",
            ["city"] = "n/a",
        }));

        var quarantine = (await _hub.Store.Quarantine.QueryAllAsync("crm")).Select(q => q.Document).ToDictionary(q => q.Field!);
        Assert.Equal("not a valid email address", quarantine["email"].Reason);
        Assert.Equal("jane@@example", quarantine["email"].Value);
        Assert.StartsWith("not a valid phone number", quarantine["phone"].Reason, StringComparison.Ordinal);
        Assert.Equal("a date of birth in the future", quarantine["date_of_birth"].Reason);
        Assert.Contains("placeholder", quarantine["city"].Reason, StringComparison.Ordinal);

        var record = (await _hub.Store.Records.GetAsync(DocumentKey.Single("crm/contact/1")))!.Document;
        var profile = (await _hub.Store.GetProfileAsync(record.ProfileId!))!.Document;
        Assert.Equal(["full_name"], profile.Fields.Keys);
        Assert.Equal(Math.Round(1 / 7.0, 3), profile.Completeness);
    }

    [Fact]
    public async Task AsOf_PastDates_SeeTheProfileAsItWas()
    {
        var created = _hub.Time.GetUtcNow();
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["city"] = "Chicago" }));
        var id = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;
        _hub.Time.Advance(TimeSpan.FromDays(30));
        var moved = _hub.Time.GetUtcNow();
        await _hub.ResolveAsync(TestHub.Party("crm", "contact", "1", 2, new Dictionary<string, string> { ["email"] = "jane@example.com", ["city"] = "Denver" }));
        _hub.Time.Advance(TimeSpan.FromDays(1));
        var history = _hub.Get<ProfileHistory>();

        Assert.Null(await history.AsOfAsync(id, created.AddDays(-1)));
        Assert.Equal("Chicago", (await history.AsOfAsync(id, created.AddDays(10)))!.Fields["city"].Value);
        Assert.Equal("Chicago", (await history.AsOfAsync(id, moved.AddTicks(-1)))!.Fields["city"].Value);
        Assert.Equal("Denver", (await history.AsOfAsync(id, moved))!.Fields["city"].Value);
        Assert.Equal("Denver", (await history.AsOfAsync(id, _hub.Time.GetUtcNow()))!.Fields["city"].Value);
    }

    [Fact]
    public async Task AsOf_MergedAwayId_BeforeTheMergeIsItselfAfterItTheSurvivor()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "contact", "1", 1, new Dictionary<string, string> { ["email"] = "jane@example.com", ["city"] = "Chicago" }),
            TestHub.Party("erp", "customer", "2", 1, new Dictionary<string, string> { ["email"] = "j.doe@example.com", ["city"] = "Boston" }));
        var survivor = (await _hub.ProfileIdOfAsync("crm/contact/1"))!;
        var merged = (await _hub.ProfileIdOfAsync("erp/customer/2"))!;
        _hub.Time.Advance(TimeSpan.FromDays(3));
        var mergedAt = _hub.Time.GetUtcNow();
        await IdentityMerges.MergeAsync(_hub, merged, survivor);
        _hub.Time.Advance(TimeSpan.FromDays(1));
        var history = _hub.Get<ProfileHistory>();

        Assert.Equal(merged, (await history.AsOfAsync(merged, mergedAt.AddDays(-1)))!.Id);
        Assert.Equal("Boston", (await history.AsOfAsync(merged, mergedAt.AddDays(-1)))!.Fields["city"].Value);
        var after = (await history.AsOfAsync(merged, _hub.Time.GetUtcNow()))!;
        Assert.Equal(survivor, after.Id);
        Assert.Contains(merged, after.MergedFrom);
    }
}
