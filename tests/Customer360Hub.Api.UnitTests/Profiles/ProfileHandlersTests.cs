using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;

namespace Customer360Hub.Api.UnitTests.Profiles;

/// <summary>Lineage, effective-dated reads and timeline filters on profiles the resolver built, per role.</summary>
public sealed class ProfileHandlersTests : IAsyncLifetime
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
    [InlineData(Keys.Steward)]
    [InlineData(Keys.Privacy)]
    [InlineData(Keys.Admin)]
    public async Task GetProfile_LineageRoles_SeeWhereEachVisibleValueCameFrom(string key)
    {
        using var client = _host.Client(key);
        var profile = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Rita}?lineage=true", UriKind.Relative));

        var email = profile.GetProperty("lineage").GetProperty("email");
        Assert.Equal((SampleAccounts.RitaEmail, "crm", "C1"), (email.GetProperty("value").GetString(), email.GetProperty("source").GetString(), email.GetProperty("recordId").GetString()));
        Assert.True(email.TryGetProperty("rule", out _));
        Assert.Equal(
            profile.GetProperty("fields").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal),
            profile.GetProperty("lineage").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Support)]
    [InlineData(Keys.Finance)]
    [InlineData(Keys.Success)]
    public async Task GetProfile_LineageForARoleWithoutTheLineageGroup_Is403AndPlainReadsCarryNone(string key)
    {
        using var client = _host.Client(key);
        using var withLineage = await client.GetAsync(new Uri($"profiles/{_ids.Rita}?lineage=true", UriKind.Relative));
        var plain = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Rita}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, withLineage.StatusCode);
        Assert.Equal("application/problem+json", withLineage.Content.Headers.ContentType?.MediaType);
        Assert.False(plain.TryGetProperty("lineage", out _));
    }

    [Fact]
    public async Task GetProfile_LineageOfAFieldTheRoleMayNotSee_IsNeverSent()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:Scoping:Roles:steward"] = "core,identity,lineage" });
        var ids = await SampleAccounts.SeedAsync(host);
        using var client = host.Client(Keys.Steward);

        var body = await client.GetStringAsync(new Uri($"profiles/{ids.Rita}?lineage=true", UriKind.Relative));

        var lineage = JsonDocument.Parse(body).RootElement.GetProperty("lineage");
        Assert.True(lineage.TryGetProperty("fullName", out _));
        Assert.False(lineage.TryGetProperty("email", out _));
        Assert.DoesNotContain(SampleAccounts.RitaEmail, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Finance)]
    [InlineData(Keys.Steward)]
    public async Task GetProfile_AsOf_IsThePastVersionScopedLikeTheCurrentOne(string key)
    {
        using var client = _host.Client(key);
        var current = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Acme}", UriKind.Relative));
        using var before = await client.GetAsync(new Uri($"profiles/{_ids.Acme}?asOf=2000-01-01T00:00:00Z", UriKind.Relative));
        var now = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Acme}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.True(now.TryGetProperty("asOf", out _));
        Assert.False(now.TryGetProperty("aggregates", out _));
        Assert.Equal(
            current.GetProperty("fields").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal),
            now.GetProperty("fields").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(key == Keys.Steward, now.TryGetProperty("completeness", out _));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T00:00:00Z")]
    public async Task GetProfile_AsOfNotATime_Is400Problem(string asOf)
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri($"profiles/{_ids.Acme}?asOf={Uri.EscapeDataString(asOf)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Keys.Finance, 1)]
    [InlineData(Keys.Success, 1)]
    [InlineData(Keys.Sales, 0)]
    [InlineData(Keys.Support, 0)]
    public async Task GetTimeline_KindFilter_ReturnsOnlyThatKindAndOnlyToRolesThatSeeIt(string key, int invoices)
    {
        using var client = _host.Client(key);
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Acme}/timeline?kind=invoice", UriKind.Relative));
        var none = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{_ids.Acme}/timeline?kind=ticket,order", UriKind.Relative));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(invoices, items.Count);
        Assert.All(items, i => Assert.Equal("invoice", i.GetProperty("kind").GetString()));
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }
}
