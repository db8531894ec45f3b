using System.Globalization;
using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Core.UnitTests.Resolution;

public sealed class IdentityResolverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HubStore _store;
    private readonly IdentityResolver _resolver;

    public IdentityResolverTests()
    {
        _store = new HubStore(new InMemoryDocumentStore(_time));
        _resolver = new IdentityResolver(_store, _time);
    }

    [Fact]
    public async Task Resolve_ShuffledArrivalOrders_GiveIdenticalClusters()
    {
        var changes = Population();
        var expected = await ClustersAfterAsync(changes);

        for (var seed = 1; seed <= 6; seed++)
        {
            var shuffled = changes.OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, await ClustersAfterAsync(shuffled));
        }

        // The population holds duplicates and a household, so the test is not trivially true.
        Assert.Contains(expected, c => c.Count >= 3);
        Assert.True(expected.Count < changes.Count);
    }

    [Fact]
    public async Task Resolve_BridgeRecordThenItsDelete_MergesThenSplits()
    {
        await ResolveAsync(Party("crm", "1", given: "Jane", family: "Doe", email: "jane.doe@example.org"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await ResolveAsync(Party("erp", "2", given: "Jane", family: "Doe", phone: "+1 312 555 7788"));
        var first = await ProfileIdOfAsync("crm/contact/1");
        var second = await ProfileIdOfAsync("erp/contact/2");
        Assert.NotEqual(first, second);

        var bridge = await ResolveAsync(Party("web", "3", given: "Jane", family: "Doe", email: "jane.doe@example.org", phone: "(312) 555-7788", country: "US"));

        Assert.Equal(first, await ProfileIdOfAsync("erp/contact/2"));
        Assert.Equal(first, await ProfileIdOfAsync("web/contact/3"));
        Assert.Equal(new ProfileMerge(second!, first!), Assert.Single(bridge.Merged));
        Assert.Equal(first, (await _store.Profiles.GetAsync(DocumentKey.Single(second!)))!.Document.RedirectTo);

        var removal = await ResolveAsync(Party("web", "3", given: "Jane", family: "Doe", version: 2, deleted: true));

        Assert.Equal(first, await ProfileIdOfAsync("crm/contact/1"));
        Assert.Equal(second, await ProfileIdOfAsync("erp/contact/2"));
        Assert.Equal(first, Assert.Single(removal.Split).From);
        Assert.Null((await _store.Profiles.GetAsync(DocumentKey.Single(second!)))!.Document.RedirectTo);
    }

    [Fact]
    public async Task Resolve_NeverMatchThenChangesAndABridge_KeepsTheRecordsApart()
    {
        await using var hub = TestHub.Create();
        await hub.ResolveAsync(Party("crm", "1", given: "Alex", family: "Morgan", email: "alex.morgan@example.org"));
        await hub.ResolveAsync(Party("erp", "2", given: "Alex", family: "Morgan", email: "alex.morgan@example.org"));
        Assert.Equal(await hub.ProfileIdOfAsync("crm/contact/1"), await hub.ProfileIdOfAsync("erp/contact/2"));

        var steward = hub.Get<StewardActions>();
        var result = await steward.NeverMatchAsync("crm/contact/1", "erp/contact/2", new StewardContext("steward@example.org", "two people share a mailbox"));
        Assert.Equal(StewardAction.NeverMatch, result.Decision.Action);
        Assert.NotEqual(await hub.ProfileIdOfAsync("crm/contact/1"), await hub.ProfileIdOfAsync("erp/contact/2"));

        // A new version of one record is scored again; a third record links to both.
        await hub.ResolveAsync(Party("crm", "1", given: "Alex", family: "Morgan", email: "alex.morgan@example.org", phone: "+44 20 7946 0321", version: 2));
        await hub.ResolveAsync(Party("web", "3", given: "Alex", family: "Morgan", email: "alex.morgan@example.org", phone: "+44 20 7946 0321"));

        Assert.NotEqual(await hub.ProfileIdOfAsync("crm/contact/1"), await hub.ProfileIdOfAsync("erp/contact/2"));
        var stored = await hub.Store.Stewardship.GetAsync(DocumentKey.Single(result.Decision.Id));
        Assert.Equal(("steward@example.org", "two people share a mailbox"), (stored!.Document.DecidedBy, stored.Document.Reason));

        await steward.RevokeAsync(result.Decision.Id, new StewardContext("lead@example.org", "checked again: one person"));
        Assert.Equal(await hub.ProfileIdOfAsync("crm/contact/1"), await hub.ProfileIdOfAsync("erp/contact/2"));
    }

    [Fact]
    public async Task Resolve_PlaceholderPhoneAndSharedInfoMailbox_DoNotMergeDifferentPeople()
    {
        await ResolveAsync(Party("crm", "1", given: "John", family: "Smith", email: "info@acme-widgets.com", phone: "000-000-0000"));
        await ResolveAsync(Party("crm", "2", given: "Maria", family: "Lopez", email: "INFO@acme-widgets.com", phone: "(000) 000-0000"));
        await ResolveAsync(Party("erp", "3", given: "Wei", family: "Chen", email: "info@acme-widgets.com", phone: "n/a"));

        var profiles = new[] { await ProfileIdOfAsync("crm/contact/1"), await ProfileIdOfAsync("crm/contact/2"), await ProfileIdOfAsync("erp/contact/3") };
        Assert.Equal(3, profiles.Distinct().Count());
    }

    [Fact]
    public async Task Resolve_HouseholdMembers_StaySeparatePeopleInOneHousehold()
    {
        await ResolveAsync(Party("crm", "1", given: "Robert", family: "Keller", phone: "+1 415 555 2671", address: "12 Oak Street, Apt 4", postcode: "94110", birth: "1970-03-02"));
        await ResolveAsync(Party("crm", "2", given: "Anna", family: "Keller", phone: "(415) 555-2671", address: "12 Oak St #4", postcode: "94110", birth: "1972-11-19"));
        await ResolveAsync(Party("erp", "3", given: "Bob", family: "Keller", address: "12 oak street apt 4", postcode: "94110", birth: "03/02/1970", country: "US"));

        var robert = await ProfileAsync("crm/contact/1");
        var anna = await ProfileAsync("crm/contact/2");
        Assert.NotEqual(robert.Id, anna.Id);
        Assert.Equal(robert.Id, await ProfileIdOfAsync("erp/contact/3"));
        Assert.NotNull(robert.HouseholdId);
        Assert.Equal(robert.HouseholdId, anna.HouseholdId);
        var household = await _store.Households.QueryAllAsync(robert.HouseholdId!);
        Assert.Equal([anna.Id, robert.Id], household.Select(h => h.Document.ProfileId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resolve_FatherAndSonChainedThroughASharedRecord_StayTwoPeopleInAnyOrder()
    {
        // The third record (no generation, no birth date) links to the father by the family
        // mailbox and to the son by his phone; the father's and the son's own records say they
        // are two people (Sr, born thirty years apart), so no chain may join them.
        var changes = new[]
        {
            Party("crm", "1", full: "John Davis Sr.", email: "davis.family@example.org", phone: "+1 404 555 0101", birth: "1955-09-08", address: "1028 Park Place", postcode: "30340"),
            Party("erp", "2", given: "John", family: "Davis", phone: "+1 404 555 0188", birth: "1985-01-16", address: "1028 Park Place", postcode: "30340", country: "US"),
            Party("web", "3", given: "John", family: "Davis", email: "davis.family@example.org", phone: "404-555-0188", address: "1028 Park Pl", postcode: "30340", country: "US"),
        };

        for (var seed = 0; seed <= 3; seed++)
        {
            var order = changes.ToArray();
            new Random(seed).Shuffle(order);
            var clusters = await ClustersAfterAsync(order);
            Assert.DoesNotContain(clusters, c => c.Contains("crm/contact/1") && c.Contains("erp/contact/2"));
        }
    }

    [Fact]
    public async Task Explain_LinkedRecords_NameTheirEvidence()
    {
        await ResolveAsync(Party("crm", "1", given: "Sofia", family: "Rossi", email: "Sofia.Rossi+news@gmail.com"));
        await ResolveAsync(Party("shop", "2", given: "Sofía", family: "ROSSI", email: "sofiarossi@googlemail.com"));
        var profileId = await ProfileIdOfAsync("crm/contact/1");
        Assert.Equal(profileId, await ProfileIdOfAsync("shop/contact/2"));

        var explanation = await new IdentityExplainer(_store, _resolver).ExplainAsync(profileId!);

        var link = Assert.Single(explanation!.Links);
        Assert.Equal(LinkDecision.Link, link.Decision);
        Assert.Contains(link.Rules, r => r.StartsWith("trusted-identifier: email", StringComparison.Ordinal) || r.StartsWith("probabilistic:", StringComparison.Ordinal));
        var email = Assert.Single(link.Comparisons, c => c.Field == "email");
        Assert.Equal(("exact", "sofiarossi@gmail.com", "sofiarossi@gmail.com"), (email.Level, email.Value, email.OtherValue));
        Assert.Contains(link.Comparisons, c => c.Field == "given_name" && c.Level == "exact" && c.Weight > 0);
        Assert.Equal(2, explanation.Members.Count);
    }

    [Fact]
    public async Task Resolve_OrganisationsWhoseContactsAreOnePerson_ShareAProfileInAnyOrder()
    {
        SourceChange[] organisations =
        [
            Party("crm", "org-1", company: "Northwind Traders", partyType: "organization", address: "12 Dock Street", postcode: "02110"),
            Party("erp", "org-9", company: "Northwind Traders Inc.", partyType: "organization", phone: "+1 617 555 0100"),
        ];
        SourceChange[] contacts =
        [
            Party("crm", "c-1", given: "Ana", family: "Lima", email: "ana.lima@northwind.example", account: "crm/contact/org-1"),
            Party("erp", "c-7", given: "Ana", family: "Lima", email: "ana.lima@northwind.example", account: "erp/contact/org-9"),
        ];

        // On their own a shared company name does not link two organisation records.
        var alone = await ClustersAfterAsync(organisations);
        Assert.Equal(2, alone.Count);

        // Their contacts are one person: the organisations are one, whichever arrives first.
        SourceChange[] all = [.. organisations, .. contacts];
        for (var seed = 0; seed < 4; seed++)
        {
            var shuffled = all.ToArray();
            new Random(seed).Shuffle(shuffled);
            var clusters = await ClustersAfterAsync(shuffled);
            Assert.Contains(["crm/contact/org-1", "erp/contact/org-9"], clusters);
            Assert.Contains(["crm/contact/c-1", "erp/contact/c-7"], clusters);
        }
    }

    /// <summary>Several people, each in a few sources with the usual noise, and one household.</summary>
    private static List<SourceChange> Population() =>
    [
        Party("crm", "1", given: "Katherine", family: "O'Brien", email: "kate.obrien@example.org", phone: "+353 1 555 0199", birth: "1985-04-12"),
        Party("erp", "1", given: "Kate", family: "OBrien", email: "KATE.OBRIEN@EXAMPLE.ORG", birth: "12/04/1985", country: "IE"),
        Party("web", "1", full: "O'Brien, Katherine", phone: "01 555 0199", country: "Ireland", birth: "1985-04-12"),
        Party("crm", "2", given: "Jürgen", family: "Müller", email: "j.mueller@example.de", birth: "1960-01-30"),
        Party("erp", "2", given: "Jurgen", family: "Muller", email: "j.mueller@example.de", address: "Hauptstrasse 5", postcode: "10115"),
        Party("crm", "3", given: "William", family: "Turner", phone: "+1 617 555 4410", address: "88 Harbor Road", postcode: "02110", birth: "1950-07-07"),
        Party("erp", "3", given: "Bill", family: "Turner", phone: "617-555-4410", address: "88 Harbor Rd", postcode: "02110", birth: "1950-07-07", country: "US"),
        Party("crm", "4", given: "Emily", family: "Turner", phone: "+1 617 555 4410", address: "88 Harbor Road", postcode: "02110", birth: "1982-02-14"),
        Party("web", "5", given: "Priya", family: "Nair", email: "priya.nair@example.in"),
        Party("crm", "5", given: "Priya", family: "Nair", email: "priya.nair@example.in", phone: "+91 98200 12345"),
        Party("erp", "5", given: "Priya", family: "Nair", phone: "+91 98200 12345"),
        Party("crm", "6", given: "John", family: "Smith", email: "info@acme-widgets.com"),
        Party("erp", "6", given: "Jane", family: "Smith", email: "info@acme-widgets.com"),
        Party("crm", "7", given: "Ahmed", family: "Hassan", birth: "1991-09-09", postcode: "SW1A 1AA"),
        Party("erp", "7", given: "Ahmed", family: "Hasan", birth: "1991-09-09", postcode: "sw1a1aa"),
    ];

    private async Task<List<List<string>>> ClustersAfterAsync(IEnumerable<SourceChange> changes)
    {
        var time = new FakeTimeProvider(_time.GetUtcNow());
        var store = new HubStore(new InMemoryDocumentStore(time));
        var resolver = new IdentityResolver(store, time);
        foreach (var change in changes)
        {
            await resolver.ResolveAsync(change);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var records = await store.Records.ScanAsync().ToListAsync();
        return records.GroupBy(r => r.Document.ProfileId)
            .Select(g => g.Select(r => r.Document.RecordKey).Order(StringComparer.Ordinal).ToList())
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
    }

    private async Task<IdentityOutcome> ResolveAsync(SourceChange change)
    {
        var outcome = await _resolver.ResolveAsync(change);
        _time.Advance(TimeSpan.FromSeconds(1));
        return outcome;
    }

    private async Task<string?> ProfileIdOfAsync(string recordKey) =>
        (await _store.Records.GetAsync(DocumentKey.Single(recordKey)))?.Document.ProfileId;

    private async Task<GoldenProfile> ProfileAsync(string recordKey) =>
        (await _store.GetProfileAsync((await ProfileIdOfAsync(recordKey))!))!.Document;

    private static SourceChange Party(
        string source, string id, string? given = null, string? family = null, string? full = null, string? email = null, string? phone = null,
        string? address = null, string? postcode = null, string? birth = null, string? country = null, int version = 1, bool deleted = false,
        string? company = null, string? partyType = null, string? account = null)
    {
        var attributes = new Dictionary<string, string>();
        void Set(string field, string? value)
        {
            if (value is not null)
            {
                attributes[field] = value;
            }
        }

        Set(CanonicalFields.GivenName, given);
        Set(CanonicalFields.FamilyName, family);
        Set(CanonicalFields.FullName, full);
        Set(CanonicalFields.Email, email);
        Set(CanonicalFields.Phone, phone);
        Set(CanonicalFields.AddressLine1, address);
        Set(CanonicalFields.Postcode, postcode);
        Set(CanonicalFields.DateOfBirth, birth);
        Set(CanonicalFields.Country, country);
        Set(CanonicalFields.CompanyName, company);
        Set(CanonicalFields.PartyType, partyType);
        Set(CanonicalFields.AccountRef, account);
        var v = version.ToString(CultureInfo.InvariantCulture);
        var operation = deleted ? ChangeOperation.Delete : ChangeOperation.Upsert;
        return new SourceChange
        {
            Id = IdempotencyId.For(source, "contact", id, v, operation),
            Source = source,
            EntityType = "contact",
            Kind = RecordKind.Party,
            RecordId = id,
            SourceVersion = v,
            ModifiedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddHours(version),
            Operation = operation,
            Attributes = attributes,
        };
    }
}
