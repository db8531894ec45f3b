using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.UnitTests.Hosting;

public sealed class SandboxServerTests
{
    [Theory]
    [InlineData("api/v2.0/companies(8f4e1a52-5b0e-4bd4-9a77-0c6a3c1a0b61)/customers", "error.code", "Application_TooManyRequests")]
    [InlineData("v1/customers", "error.code", "rate_limit")]
    [InlineData("api/v2/incremental/users/cursor.json?start_time=0", "error", "APIRateLimitExceeded")]
    [InlineData("email/public/v1/events", "category", "RATE_LIMITS")]
    [InlineData("v1.0/users/sales@contoso-hub.example/mailFolders/inbox/messages/delta", "error.code", "TooManyRequests")]
    public async Task Request_RateLimited_Is429WithRetryAfterAndTheVendorsErrorBody(string path, string property, string expected)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { World = new WorldOptions { Customers = 20 }, TickInterval = TimeSpan.Zero });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_x");
        sandbox.Faults.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7));

        using var limited = await http.GetAsync(new Uri(path, UriKind.Relative));
        using var next = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        var body = await limited.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var segment in property.Split('.'))
        {
            body = body.GetProperty(segment);
        }

        Assert.Equal(expected, body.GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Salesforce_QueryWithoutToken_Is401AndWithTheClientCredentialsTokenPagesByNextRecordsUrl()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { World = new WorldOptions { Customers = 1500 }, TickInterval = TimeSpan.Zero });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var query = "services/data/v60.0/query?q=" + Uri.EscapeDataString("SELECT Id, LastName, SystemModstamp FROM Contact ORDER BY SystemModstamp ASC");

        using var anonymous = await http.GetAsync(new Uri(query, UriKind.Relative));
        using var token = await http.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "a", ["client_secret"] = "b",
        }));
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(query, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("Sforce-Query-Options", "batchSize=200");
        using var page = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("INVALID_SESSION_ID", (await anonymous.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("errorCode").GetString());
        var body = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("records").GetArrayLength());
        Assert.False(body.GetProperty("done").GetBoolean());
        Assert.StartsWith("/services/data/v60.0/query/", body.GetProperty("nextRecordsUrl").GetString(), StringComparison.Ordinal);
    }
}
