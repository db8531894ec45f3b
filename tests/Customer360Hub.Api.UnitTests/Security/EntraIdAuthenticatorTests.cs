using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Customer360Hub.Api.Security;
using Customer360Hub.Api.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Api.UnitTests.Security;

/// <summary>Entra ID bearer tokens end to end through the API, against a tenant with locally generated signing keys.</summary>
public sealed class EntraIdAuthenticatorTests : IAsyncLifetime
{
    private readonly FakeEntraId _tenant = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Api:EntraId:Authority"] = FakeEntraId.Authority,
                ["Api:EntraId:Audiences:0"] = FakeEntraId.Audience,
            },
            services => services.AddHttpClient(EntraIdAuthenticator.HttpClientName).ConfigurePrimaryHttpMessageHandler(_tenant.Handler),
            _time);
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _tenant.Dispose();
    }

    [Fact]
    public async Task Bearer_ValidTokenWithAppRole_IsScopedToThatRole()
    {
        using var response = await GetAsync(_tenant.Token(["finance"], _time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields");
        Assert.True(fields.TryGetProperty("paymentMethod", out _));
        Assert.False(fields.TryGetProperty("repNotes", out _));
        var record = await _host.WaitForAuditAsync(r => r.GetProperty("caller").GetString() == "app:salesforce-client");
        Assert.Equal(["finance"], record.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Bearer_UserTokenOfTheOwner_SeesOwnerOnlyGroups()
    {
        using var response = await GetAsync(_tenant.Token(["sales"], _time.GetUtcNow(), user: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").TryGetProperty("commissionRate", out _));
    }

    [Fact]
    public async Task Bearer_TokenWithoutAnyApiRole_Is403()
    {
        using var response = await GetAsync(_tenant.Token(["Directory.Read"], _time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Pipeline.Customer360ApiTests.AssertProblemAsync(response, 403);
    }

    [Fact]
    public async Task Bearer_WrongAudienceIssuerSignatureOrExpired_Is401()
    {
        var now = _time.GetUtcNow();
        using var stranger = RSA.Create(2048);
        var bad = new[]
        {
            _tenant.Token(["admin"], now, audience: "api://someone-else"),
            _tenant.Token(["admin"], now, issuer: "https://login.example.test/other-tenant/v2.0"),
            _tenant.Token(["admin"], now, signWith: stranger),
            _tenant.Token(["admin"], now.AddHours(-3), lifetime: TimeSpan.FromHours(1)),
            _tenant.Token(["admin"], now)[..^4] + "AAAA",
        };

        foreach (var token in bad)
        {
            using var response = await GetAsync(token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await Pipeline.Customer360ApiTests.AssertProblemAsync(response, 401);
        }
    }

    [Fact]
    public async Task Bearer_TokenExpiresWhileCached_IsRefusedAfterExpiry()
    {
        var token = _tenant.Token(["support"], _time.GetUtcNow(), lifetime: TimeSpan.FromMinutes(10));
        using var before = await GetAsync(token);
        _time.Advance(TimeSpan.FromMinutes(15));
        using var after = await GetAsync(token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Bearer_SigningKeyRolled_NewKeyIsFetchedAndAccepted()
    {
        using var first = await GetAsync(_tenant.Token(["sales"], _time.GetUtcNow()));
        _tenant.Rotate();
        _time.Advance(TimeSpan.FromMinutes(1));
        using var second = await GetAsync(_tenant.Token(["sales"], _time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task ApiKey_WhenOnlyEntraIdIsConfigured_IsRefused()
    {
        await using var host = await ApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Api:EntraId:Authority"] = FakeEntraId.Authority,
                ["Api:EntraId:Audiences:0"] = FakeEntraId.Audience,
                ["Api:Keys"] = null,
            },
            services => services.Configure<ApiOptions>(o => o.Keys.Clear()));
        using var client = host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));
    }
}
