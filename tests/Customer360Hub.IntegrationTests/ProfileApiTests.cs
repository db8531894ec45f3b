using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Changes;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class ProfileApiTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
    private LocalHub _hub = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _hub = await LocalHub.StartAsync([], new Dictionary<string, string?>
        {
            ["Embedded:DataFolder"] = _dataFolder,
            ["Api:Port"] = "0",
            ["Sandbox:Enabled"] = "false",
            ["Bus:Consumer:IdleWait"] = "00:00:00.050",
        });
        _http = new HttpClient { BaseAddress = _hub.ApiUrl };
        _http.DefaultRequestHeaders.Add("X-Api-Key", _hub.DemoKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _hub.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task GetProfile_GoldenFieldsWithLineageOnlyOnRequest()
    {
        var person = await PersonAsync(0);
        var id = await ProfileIdWhenMergedAsync(person);
        await PublishAsync([Transaction("zendesk", "tickets", "T-1", RecordKind.Ticket, $"zendesk/users/{person.SupportUserId}", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero))]);

        var plain = await GetJsonAsync($"api/v1/profiles/{id}");
        Assert.Equal(person.FullName, plain.GetProperty("fields").GetProperty("fullName").GetString());
        Assert.Equal(person.City, plain.GetProperty("fields").GetProperty("city").GetString());
        Assert.False(plain.TryGetProperty("lineage", out _));
        var email = plain.GetProperty("contactPoints").GetProperty("emails")[0];
        Assert.Equal((person.Email, true), (email.GetProperty("value").GetString(), email.GetProperty("primary").GetBoolean()));
        Assert.Equal(person.Phone, plain.GetProperty("contactPoints").GetProperty("phones")[0].GetProperty("value").GetString());
        Assert.True(plain.GetProperty("freshness").TryGetProperty("zendesk", out _));

        var withLineage = await GetJsonAsync($"api/v1/profiles/{id}?lineage=true");
        var city = withLineage.GetProperty("lineage").GetProperty("city");
        Assert.Equal(person.City, city.GetProperty("value").GetString());
        Assert.Equal(("businesscentral", "only-value"), (city.GetProperty("source").GetString(), city.GetProperty("rule").GetString()));
        Assert.True(city.TryGetProperty("recordId", out _));
        Assert.True(city.TryGetProperty("observedAt", out _));
        Assert.Equal("all-agree", withLineage.GetProperty("lineage").GetProperty("fullName").GetProperty("rule").GetString());
        var withTicket = await WaitForAsync(async () =>
        {
            var json = await GetJsonAsync($"api/v1/profiles/{id}");
            return json.GetProperty("aggregates").GetProperty("openTickets").GetInt32() > 0 ? json : null;
        });
        Assert.Equal(1, withTicket.GetProperty("transactionCounts").GetProperty("ticket").GetInt32());
    }

    [Fact]
    public async Task GetTimeline_PagesNewestFirstWithCursorAndFiltersByType()
    {
        var person = await PersonAsync(1);
        var id = await ProfileIdWhenMergedAsync(person);
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var changes = Enumerable.Range(1, 7).Select(i => Transaction("crm", "meeting", $"M{i}", RecordKind.Interaction, "email:" + person.Email, start.AddDays(i)))
            .Concat(Enumerable.Range(1, 2).Select(i => Transaction("shop", "order", $"O{i}", RecordKind.Order, "email:" + person.Email.ToUpperInvariant(), start.AddDays(i).AddHours(1))))
            .ToList();
        await PublishAsync(changes);
        await WaitForAsync(async () => (await GetJsonAsync($"api/v1/profiles/{id}/timeline?limit=200")).GetProperty("items").GetArrayLength() == 9 ? (JsonElement?)default(JsonElement) : null);

        var seen = new List<(string Key, DateTimeOffset At)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"api/v1/profiles/{id}/timeline?limit=3" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (RecordKey(i), i.GetProperty("occurredAt").GetDateTimeOffset())));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(9, seen.Select(s => s.Key).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.At).Select(s => s.Key), seen.Select(s => s.Key));

        var orders = await GetJsonAsync($"api/v1/profiles/{id}/timeline?kind=order");
        Assert.Equal(["shop/order/O2", "shop/order/O1"], orders.GetProperty("items").EnumerateArray().Select(RecordKey));
        using var badType = await _http.GetAsync(new Uri($"api/v1/profiles/{id}/timeline?kind=party", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        using var badCursor = await _http.GetAsync(new Uri($"api/v1/profiles/{id}/timeline?cursor=%21%21", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    [Fact]
    public async Task GetAccount_WithContactsRolesAndChildAccount()
    {
        await PublishAsync(
        [
            Party("crm", "account", "ACME", new() { ["party_type"] = "organization", ["company_name"] = "Acme Corp", ["email"] = "office@acme.example" }),
            Party("crm", "account", "ACME-EU", new() { ["party_type"] = "organization", ["company_name"] = "Acme Europe", ["email"] = "eu@acme.example", ["parent_account_ref"] = "crm/account/ACME" }),
            Party("crm", "contact", "C1", new() { ["full_name"] = "Rita Buyer", ["email"] = "rita@acme.example", ["account_ref"] = "crm/account/ACME", ["contact_role"] = "Buyer, Champion" }),
            Party("crm", "contact", "C2", new() { ["full_name"] = "Sam Sponsor", ["email"] = "sam@acme.example", ["account_ref"] = "crm/account/ACME", ["contact_role"] = "executive sponsor" }),
            Transaction("billing", "invoice", "INV-1", RecordKind.Invoice, "crm/account/ACME", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)),
        ]);
        var acme = await ProfileIdOfRecordAsync("crm/account/ACME");

        var account = await WaitForAsync(async () =>
        {
            var json = await GetJsonAsync($"api/v1/accounts/{acme}");
            return json.GetProperty("contacts").GetArrayLength() == 2 && json.GetProperty("children").GetArrayLength() == 1 && json.GetProperty("accountType").GetString() == "customer" ? json : null;
        });

        Assert.Equal(("Acme Corp", "customer"), (account.GetProperty("name").GetString(), account.GetProperty("accountType").GetString()));
        var contacts = account.GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.Equal(["buyer", "champion"], contacts["Rita Buyer"]);
        Assert.Equal(["executive_sponsor"], contacts["Sam Sponsor"]);
        Assert.Equal("Acme Europe", account.GetProperty("children")[0].GetProperty("name").GetString());

        var rita = await GetJsonAsync($"api/v1/profiles/{await ProfileIdOfRecordAsync("crm/contact/C1")}");
        Assert.Equal(acme, rita.GetProperty("accountId").GetString());
        var europe = await GetJsonAsync($"api/v1/accounts/{await ProfileIdOfRecordAsync("crm/account/ACME-EU")}");
        Assert.Equal(acme, europe.GetProperty("parent").GetProperty("id").GetString());
        using var person = await _http.GetAsync(new Uri($"api/v1/accounts/{await ProfileIdOfRecordAsync("crm/contact/C1")}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
    }

    [Fact]
    public async Task GetHousehold_WithItsMembers()
    {
        var people = new[] { await PersonAsync(2), await PersonAsync(3) };
        var ids = new List<string>();
        foreach (var person in people)
        {
            ids.Add(await ProfileIdWhenPresentAsync(person));
        }

        // Identity resolution groups households; here the grouping is written as it would write it.
        // The hub keeps resolving meanwhile: a write that loses a race reads again.
        var store = _hub.Services.GetRequiredService<HubStore>();
        var now = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var writes = new List<DocumentWrite>();
            foreach (var id in ids.Distinct())
            {
                var profile = (await store.Profiles.GetAsync(DocumentKey.Single(id)))!;
                writes.Add(store.Profiles.Replace(profile.Key, profile.Document with { HouseholdId = "h-test" }, profile.ETag));
                writes.Add(store.Households.Upsert(new DocumentKey("h-test", id), new HouseholdMember("h-test", id, now)));
            }

            try
            {
                await store.Documents.WriteAsync(writes);
                break;
            }
            catch (DocumentConflictException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }

        var household = await GetJsonAsync("api/v1/households/h-test");

        Assert.Equal("household", household.GetProperty("accountType").GetString());
        Assert.Equal(
            people.Select(p => p.FullName).Order(StringComparer.Ordinal),
            household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("h-test", (await GetJsonAsync($"api/v1/profiles/{ids[0]}")).GetProperty("householdId").GetString());
        using var missing = await _http.GetAsync(new Uri("api/v1/households/h-none", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetProfile_AsOf_PastIsAsItWasAndBadTimesAre400()
    {
        var id = await ProfileIdWhenPresentAsync(await PersonAsync(4));

        using var before = await _http.GetAsync(new Uri($"api/v1/profiles/{id}?asOf=2000-01-01T00:00:00Z", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var now = await GetJsonAsync($"api/v1/profiles/{id}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}");
        Assert.Equal(id, now.GetProperty("id").GetString());
        Assert.True(now.TryGetProperty("asOf", out _));
        Assert.False(now.TryGetProperty("aggregates", out _));
        using var malformed = await _http.GetAsync(new Uri($"api/v1/profiles/{id}?asOf=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Quality_And_Erasure_ReportAndRejectBadInput()
    {
        await ProfileIdWhenPresentAsync(await PersonAsync(5));

        var quality = await GetJsonAsync("api/v1/quality");
        Assert.True(quality.GetProperty("profiles").GetInt32() >= 1);
        Assert.True(quality.GetProperty("sources").TryGetProperty("businesscentral", out _));

        foreach (var body in new[] { "{}", """{"email":"not-an-address"}""", """{"profileId":"x"}""", """{"recordKey":"nokey"}""" })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri("api/v1/erasures", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>A person held by two systems (an ERP customer and a support user with the same email), published onto the bus.</summary>
    private async Task<TestPerson> PersonAsync(int index)
    {
        // Clearly different people: names one letter apart would rightly look like one person mistyped.
        string[] given = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan"];
        var person = new TestPerson($"{given[index % given.Length]} Tester", $"{given[index % given.Length].ToLowerInvariant()}.tester@example.net", $"+1312555{index:D4}", index % 2 == 0 ? "Chicago" : "Denver", $"{900 + index}");
        await PublishAsync(
        [
            Party("businesscentral", "customers", $"C{index}", new() { ["full_name"] = person.FullName, ["email"] = person.Email.ToUpperInvariant(), ["phone"] = person.Phone, ["city"] = person.City, ["country"] = "US" }),
            Party("zendesk", "users", person.SupportUserId, new() { ["full_name"] = person.FullName, ["email"] = person.Email, ["phone"] = person.Phone }),
        ]);
        return person;
    }

    private sealed record TestPerson(string FullName, string Email, string Phone, string City, string SupportUserId);

    private async Task<string> ProfileIdWhenMergedAsync(TestPerson person) =>
        (await WaitForAsync(async () =>
        {
            using var response = await _http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(person.Email)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return json.GetProperty("sources").GetArrayLength() >= 2 ? json : null;
        })).GetProperty("id").GetString()!;

    private async Task<string> ProfileIdWhenPresentAsync(TestPerson person) =>
        (await WaitForAsync(async () =>
        {
            using var response = await _http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(person.Email)}", UriKind.Relative));
            var json = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return json.ValueKind == JsonValueKind.Object && json.GetProperty("fields").TryGetProperty("fullName", out _) ? json : null;
        })).GetProperty("id").GetString()!;

    private async Task<string> ProfileIdOfRecordAsync(string recordKey)
    {
        var store = _hub.Services.GetRequiredService<HubStore>();
        var found = await WaitForAsync(async () =>
        {
            var record = await store.Records.GetAsync(DocumentKey.Single(recordKey));
            return record?.Document.ProfileId is { } id && await store.Profiles.GetAsync(DocumentKey.Single(id)) is { Document.Fields.Count: > 0 } ? JsonSerializer.SerializeToElement(id) : (JsonElement?)null;
        });
        return found.GetString()!;
    }

    private async Task PublishAsync(IReadOnlyList<SourceChange> changes) =>
        await _hub.Services.GetRequiredService<IChangeBus>().PublishAsync(
            Topics.SourceChanges,
            changes.Select(c => new BusMessage(c.Id, c.PartitionKey, c.Kind.ToString(), SourceChangeSerializer.Serialize(c))).ToList());

    private static SourceChange Party(string source, string entityType, string id, Dictionary<string, string> attributes) => new()
    {
        Id = IdempotencyId.For(source, entityType, id, "1", ChangeOperation.Upsert),
        Source = source,
        EntityType = entityType,
        Kind = RecordKind.Party,
        RecordId = id,
        SourceVersion = "1",
        ModifiedAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
        Operation = ChangeOperation.Upsert,
        PulledAt = DateTimeOffset.UtcNow,
        Attributes = attributes,
    };

    private static SourceChange Transaction(string source, string entityType, string id, RecordKind kind, string customerRef, DateTimeOffset at) => new()
    {
        Id = IdempotencyId.For(source, entityType, id, "1", ChangeOperation.Upsert),
        Source = source,
        EntityType = entityType,
        Kind = kind,
        RecordId = id,
        SourceVersion = "1",
        ModifiedAt = at,
        Operation = ChangeOperation.Upsert,
        PulledAt = DateTimeOffset.UtcNow,
        CustomerRef = customerRef,
        Attributes = new Dictionary<string, string> { ["occurred_at"] = at.ToString("O"), ["amount"] = "100", ["status"] = "open", ["title"] = entityType + " " + id },
    };

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The hub did not reach the expected state within 60 seconds.");
    }

    private static string RecordKey(JsonElement item) =>
        $"{item.GetProperty("source").GetString()}/{item.GetProperty("entityType").GetString()}/{item.GetProperty("recordId").GetString()}";
}
