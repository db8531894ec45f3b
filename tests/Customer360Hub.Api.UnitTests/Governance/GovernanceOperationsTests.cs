using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Api.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.Governance;

/// <summary>The data-quality report and erasure through the pipeline: who may call them, what they answer, and their audit records.</summary>
public sealed class GovernanceOperationsTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private (string Acme, string Rita, string Sam) _ids;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _ids = await SampleAccounts.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Keys.Steward, HttpStatusCode.OK)]
    [InlineData(Keys.Privacy, HttpStatusCode.OK)]
    [InlineData(Keys.Admin, HttpStatusCode.OK)]
    [InlineData(Keys.Sales, HttpStatusCode.Forbidden)]
    [InlineData(Keys.Support, HttpStatusCode.Forbidden)]
    [InlineData(Keys.Finance, HttpStatusCode.Forbidden)]
    [InlineData(Keys.Success, HttpStatusCode.Forbidden)]
    public async Task GetQualityReport_OnlyStewardPrivacyAndAdmin_SeeThePortfolio(string key, HttpStatusCode status)
    {
        using var client = _host.Client(key);
        using var response = await client.GetAsync(new Uri("quality", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.OK)
        {
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(4, report.GetProperty("profiles").GetInt32());
            Assert.True(report.GetProperty("sources").TryGetProperty("crm", out _));
            Assert.True(report.TryGetProperty("averageCompleteness", out _));
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Support)]
    [InlineData(Keys.Finance)]
    [InlineData(Keys.Success)]
    [InlineData(Keys.Steward)]
    public async Task RequestErasure_RoleOtherThanPrivacyOrAdmin_Is403AndErasesNothing(string key)
    {
        using var client = _host.Client(key);
        using var response = await client.PostAsJsonAsync(new Uri("erasures", UriKind.Relative), new { email = SampleAccounts.RitaEmail });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "requestErasure" && r.GetProperty("action").GetString() == "denied" && r.GetProperty("caller").GetString() == key);
        using var admin = _host.Client(Keys.Admin);
        using var stillThere = await admin.GetAsync(new Uri($"profiles/{_ids.Rita}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task RequestErasure_Privacy_ErasesTheProfileAndItsLookupRowsAndAuditsTheChangeWithoutTheEmail()
    {
        using var privacy = _host.Client(Keys.Privacy);
        using var found = await privacy.GetAsync(new Uri($"profiles/lookup?email={SampleAccounts.RitaEmail}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);

        using var response = await privacy.PostAsJsonAsync(new Uri("erasures", UriKind.Relative), new { email = SampleAccounts.RitaEmail.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([_ids.Rita], report.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
        Assert.True(report.GetProperty("suppressedIdentifiers").GetInt32() >= 1);
        using var lookup = await privacy.GetAsync(new Uri($"profiles/lookup?email={SampleAccounts.RitaEmail}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        using var byPhone = await privacy.GetAsync(new Uri($"profiles/lookup?phone={Uri.EscapeDataString(SampleAccounts.RitaPhone)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, byPhone.StatusCode);
        var index = _host.Services.GetRequiredService<LookupIndex>();
        Assert.Empty(await index.FindAsync(LookupKeys.Email(SampleAccounts.RitaEmail)!, 10));
        Assert.Empty(await index.FindAsync(LookupKeys.Phone(SampleAccounts.RitaPhone), 10));

        var change = await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "requestErasure" && r.GetProperty("action").GetString() == "change");
        Assert.Equal([_ids.Rita], change.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
        Assert.StartsWith("erasure by email", change.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var admin = _host.Client(Keys.Admin);
        var trail = await admin.GetStringAsync(new Uri("audit?limit=1000", UriKind.Relative));
        Assert.DoesNotContain(SampleAccounts.RitaEmail, trail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"email":"not-an-address"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"profileId":"x"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"recordKey":"nokey"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"email":""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("email=rita@acme.example", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task RequestErasure_BadBody_IsAProblemAndAuditedAsAFailedChange(string body, string mediaType, HttpStatusCode status)
    {
        using var client = _host.Client(Keys.Privacy);
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await client.PostAsync(new Uri("erasures", UriKind.Relative), content);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
        var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);
        Assert.Equal(("change", (int)status), (record.GetProperty("action").GetString(), record.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task RequestErasure_OversizedBody_Is413()
    {
        using var client = _host.Client(Keys.Privacy);
        using var content = new StringContent("{\"email\":\"" + new string('a', 100_000) + "@x.example\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("erasures", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
