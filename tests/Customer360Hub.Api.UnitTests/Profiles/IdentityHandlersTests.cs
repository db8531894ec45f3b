using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;

namespace Customer360Hub.Api.UnitTests.Profiles;

/// <summary>
/// Identity operations through the pipeline: explanations for stewards and admins with compared
/// values only of visible fields, steward decisions for the steward role only and audited as
/// changes, and connector health for admins.
/// </summary>
public sealed class IdentityHandlersTests : IAsyncLifetime
{
    private const string NoraEmail = "nora.vance@example.org";
    private ApiHost _host = null!;
    private string _nora = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:Scoping:Roles:steward"] = "core,identity,evidence,lineage" });
        _nora = await SeedNoraAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Keys.Steward)]
    [InlineData(Keys.Admin)]
    public async Task ExplainProfile_StewardAndAdmin_SeeTheEvidenceAndOnlyTheValuesOfVisibleFields(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri($"profiles/{_nora}/explain", UriKind.Relative));
        var explanation = JsonDocument.Parse(body).RootElement;

        Assert.Equal(_nora, explanation.GetProperty("profileId").GetString());
        Assert.Equal(2, explanation.GetProperty("members").GetArrayLength());
        var comparisons = explanation.GetProperty("links").EnumerateArray().SelectMany(l => l.GetProperty("comparisons").EnumerateArray()).ToList();
        var email = Assert.Single(comparisons, c => c.GetProperty("field").GetString() == "email");
        Assert.True(email.TryGetProperty("level", out _));

        // This steward's role has no contact group: the addresses compared stay on the server.
        var seesContact = key == Keys.Admin;
        Assert.Equal(seesContact, email.TryGetProperty("value", out _));
        Assert.Equal(seesContact, body.Contains(NoraEmail, StringComparison.Ordinal));
        Assert.Equal(seesContact, body.Contains("example.org", StringComparison.Ordinal));
        Assert.Equal(seesContact, body.Contains("denver", StringComparison.Ordinal));
        Assert.Contains(comparisons, c => c.GetProperty("field").GetString() == "family_name" && c.GetProperty("value").GetString() == "vance");
    }

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Support)]
    [InlineData(Keys.Finance)]
    [InlineData(Keys.Success)]
    [InlineData(Keys.Privacy)]
    public async Task ExplainProfileAndReviews_OtherRoles_Are403(string key)
    {
        using var client = _host.Client(key);
        using var explain = await client.GetAsync(new Uri($"profiles/{_nora}/explain", UriKind.Relative));
        using var reviews = await client.GetAsync(new Uri("identity/reviews", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, explain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviews.StatusCode);
    }

    [Fact]
    public async Task ListReviews_Steward_GetsTheQueue()
    {
        using var client = _host.Client(Keys.Steward);
        var reviews = await client.GetFromJsonAsync<JsonElement>(new Uri("identity/reviews", UriKind.Relative));

        Assert.Equal(JsonValueKind.Array, reviews.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task RecordStewardDecision_StewardSplitsThenRevokes_BothAuditedAsChangesWithoutTheReason()
    {
        using var steward = _host.Client(Keys.Steward);
        const string Reason = "Nora's billing account belongs to her sister Norah";

        using var split = await steward.PostAsJsonAsync(new Uri("identity/decisions", UriKind.Relative), new { action = "split", profileId = _nora, recordKeys = new[] { "billing/customer/B7" }, reason = Reason });

        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var result = await split.Content.ReadFromJsonAsync<JsonElement>();
        var decisionId = result.GetProperty("decision").GetProperty("id").GetString()!;
        Assert.Equal(("split", "steward"), (result.GetProperty("decision").GetProperty("action").GetString(), result.GetProperty("decision").GetProperty("decidedBy").GetString()));
        Assert.NotEqual(await SampleAccounts.ProfileOfAsync(_host.Store, "crm/contact/N1"), await SampleAccounts.ProfileOfAsync(_host.Store, "billing/customer/B7"));
        var audited = await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "recordStewardDecision" && r.GetProperty("action").GetString() == "change");
        Assert.Equal(201, audited.GetProperty("status").GetInt32());
        Assert.Contains(_nora, audited.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(decisionId, audited.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sister", audited.GetRawText(), StringComparison.Ordinal);

        using var revoke = await steward.PostAsJsonAsync(new Uri($"identity/decisions/{decisionId}/revoke", UriKind.Relative), new { reason = "Same person after all" });

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "revokeStewardDecision" && r.GetProperty("action").GetString() == "change");
    }

    [Theory]
    [InlineData(Keys.Admin)]
    [InlineData(Keys.Privacy)]
    [InlineData(Keys.Sales)]
    public async Task RecordStewardDecision_RoleOtherThanSteward_Is403AndAuditedAsDenied(string key)
    {
        using var client = _host.Client(key);
        using var response = await client.PostAsJsonAsync(new Uri("identity/decisions", UriKind.Relative), new { action = "split", profileId = _nora, recordKeys = new[] { "billing/customer/B7" }, reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "recordStewardDecision" && r.GetProperty("action").GetString() == "denied" && r.GetProperty("caller").GetString() == key);
        Assert.Equal(_nora, await SampleAccounts.ProfileOfAsync(_host.Store, "billing/customer/B7"));
    }

    [Theory]
    [InlineData("""{"action":"split","profileId":"p-0000000000000000ffff","recordKeys":["a/b/c"],"reason":"r"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"action":"explode","reason":"r"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"neverMatch","recordKey":"crm/contact/N1","reason":"r"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"merge","profileId":"p-0000000000000000ffff","otherProfileId":"p-0000000000000000fffe"}""", HttpStatusCode.BadRequest)]
    [InlineData("""[1,2""", HttpStatusCode.BadRequest)]
    public async Task RecordStewardDecision_BadDecision_IsAProblem(string body, HttpStatusCode status)
    {
        using var client = _host.Client(Keys.Steward);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("identity/decisions", UriKind.Relative), content);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RevokeStewardDecision_UnknownDecision_Is404()
    {
        using var client = _host.Client(Keys.Steward);
        using var response = await client.PostAsJsonAsync(new Uri("identity/decisions/d-nothing/revoke", UriKind.Relative), new { reason = "r" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Keys.Admin, HttpStatusCode.OK)]
    [InlineData(Keys.Steward, HttpStatusCode.Forbidden)]
    [InlineData(Keys.Sales, HttpStatusCode.Forbidden)]
    public async Task ListConnectors_OnlyAdmin(string key, HttpStatusCode status)
    {
        using var client = _host.Client(key);
        using var response = await client.GetAsync(new Uri("connectors", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.OK)
        {
            Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectors").ValueKind);
        }
    }

    /// <summary>Nora in the CRM and in billing with the same email and name: the resolver joins them.</summary>
    private static async Task<string> SeedNoraAsync(ApiHost host)
    {
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        await SampleAccounts.ResolveAsync(host,
        [
            SampleAccounts.Party("crm", "contact", "N1", at, new() { ["given_name"] = "Nora", ["family_name"] = "Vance", ["email"] = NoraEmail, ["city"] = "Denver" }),
            SampleAccounts.Party("billing", "customer", "B7", at, new() { ["given_name"] = "Nora", ["family_name"] = "Vance", ["email"] = NoraEmail.ToUpperInvariant(), ["city"] = "Denver" }),
        ]);
        var nora = await SampleAccounts.ProfileOfAsync(host.Store, "crm/contact/N1");
        Assert.Equal(nora, await SampleAccounts.ProfileOfAsync(host.Store, "billing/customer/B7"));
        return nora;
    }
}
