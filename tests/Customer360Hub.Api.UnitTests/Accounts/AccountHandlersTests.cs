using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;

namespace Customer360Hub.Api.UnitTests.Accounts;

/// <summary>Accounts and households through the pipeline: per-role scoping (as a profile's), redirects, bad input and audit.</summary>
public sealed class AccountHandlersTests : IAsyncLifetime
{
    private static readonly string[] AllKeys = [Keys.Sales, Keys.SalesOwner, Keys.SalesManager, Keys.Support, Keys.Finance, Keys.Success, Keys.Steward, Keys.Privacy, Keys.Admin];
    private static readonly string[] ReceivablesKeys = [Keys.Finance, Keys.Success, Keys.Privacy, Keys.Admin];

    private ApiHost _host = null!;
    private (string Acme, string Rita, string Sam) _ids;

    public static TheoryData<string> Callers() => [.. AllKeys];

    public async Task InitializeAsync()
    {
        // Support sees names but no contact points here, so masking inside contacts and members shows.
        _host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:Scoping:Roles:support"] = "core,identity,orders,support,activities,usage,health,repNotes" });
        _ids = await SampleAccounts.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task GetAccount_EachRole_SeesContactsAndOnlyTheAggregatesOfItsGroups(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri($"accounts/{_ids.Acme}", UriKind.Relative));
        var account = JsonDocument.Parse(body).RootElement;

        Assert.Equal("Acme Corp", account.GetProperty("name").GetString());
        Assert.Equal(["Rita Buyer", "Sam Sponsor"], account.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Acme Europe", account.GetProperty("children")[0].GetProperty("name").GetString());
        var aggregates = account.TryGetProperty("aggregates", out var a) ? a : default;
        var seesReceivables = ReceivablesKeys.Contains(key);
        Assert.True(seesReceivables == (aggregates.ValueKind == JsonValueKind.Object && aggregates.TryGetProperty("openInvoices", out _)), $"{key}: open invoices");
        Assert.Equal(seesReceivables, body.Contains("openReceivables", StringComparison.Ordinal));
        var seesContactPoints = key != Keys.Support;
        Assert.Equal(seesContactPoints, body.Contains(SampleAccounts.RitaEmail, StringComparison.Ordinal));
        var rita = account.GetProperty("contacts")[0];
        Assert.Equal(seesContactPoints ? SampleAccounts.RitaPhone : null, rita.TryGetProperty("phone", out var phone) ? phone.GetString() : null);
        Assert.Equal(seesContactPoints, body.Contains("office@acme.example", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task GetHousehold_EachRole_SeesMembersAndContactPointsOnlyWithTheContactGroup(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri($"households/{SampleAccounts.HouseholdId}", UriKind.Relative));
        var household = JsonDocument.Parse(body).RootElement;

        Assert.Equal("household", household.GetProperty("accountType").GetString());
        Assert.Equal([_ids.Rita, _ids.Sam], household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("profileId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(key != Keys.Support, body.Contains(SampleAccounts.RitaEmail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAccount_Read_IsAuditedWithTheAccountAndEveryProfileItShows()
    {
        using var client = _host.Client(Keys.Finance);
        using var response = await client.GetAsync(new Uri($"accounts/{_ids.Acme}", UriKind.Relative));
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();

        var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);

        Assert.Equal(("getAccount", "read", "finance"), (record.GetProperty("operation").GetString(), record.GetProperty("action").GetString(), record.GetProperty("caller").GetString()));
        var profiles = record.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(_ids.Acme, profiles);
        Assert.Contains(_ids.Rita, profiles);
        Assert.Contains("receivables", record.GetProperty("fieldGroups").EnumerateArray().Select(g => g.GetString()));
    }

    [Theory]
    [InlineData("accounts/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("accounts/p-0000000000000000ffff", HttpStatusCode.NotFound)]
    [InlineData("households/h-none", HttpStatusCode.NotFound)]
    public async Task BadOrUnknownIds_AreProblems(string path, HttpStatusCode status)
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetAccount_OfAPerson_Is404PointingAtTheProfile()
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri($"accounts/{_ids.Rita}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"/api/v1/profiles/{_ids.Rita}", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccount_WithoutCredentials_Is401()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync(new Uri($"accounts/{_ids.Acme}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
