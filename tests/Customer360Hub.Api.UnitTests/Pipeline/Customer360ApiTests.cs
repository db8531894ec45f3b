using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Api.UnitTests.Pipeline;

/// <summary>The request pipeline as a caller meets it: credentials, roles, bad input, redirects, ETags, audit.</summary>
public sealed class Customer360ApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, null)]
    [InlineData("X-Api-Key", "not-a-key")]
    [InlineData("Authorization", "Bearer abc.def.ghi")]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz")]
    public async Task AnyProfileRoute_WithoutValidCredentials_Is401Problem(string? header, string? value)
    {
        using var client = _host.Client();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        }

        foreach (var path in new[] { $"profiles/{SampleProfiles.JaneId}", "profiles/lookup?email=jane@contoso.example", "profiles/search?name=jane", $"profiles/{SampleProfiles.JaneId}/timeline", "audit" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await AssertProblemAsync(response, 401);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Finance)]
    [InlineData(Keys.Steward)]
    public async Task QueryAudit_RoleOtherThanPrivacyOrAdmin_Is403ProblemAndAudited(string key)
    {
        using var client = _host.Client(key);
        using var response = await client.GetAsync(new Uri("audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertProblemAsync(response, 403);
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
        var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);
        Assert.Equal("denied", record.GetProperty("action").GetString());
        Assert.Equal(key, record.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task GetProfile_Read_IsAuditedWithCallerRoleProfileGroupsAndCorrelationId()
    {
        using var client = _host.Client(Keys.Finance);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));
        request.Headers.Add("X-Correlation-Id", "finance-req-42");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finance-req-42", response.Headers.GetValues("X-Correlation-Id").Single());

        var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == "finance-req-42", $"&profileId={SampleProfiles.JaneId}");

        Assert.Equal(Keys.Finance, record.GetProperty("caller").GetString());
        Assert.Equal(["finance"], record.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("getProfile", record.GetProperty("operation").GetString());
        Assert.Equal("read", record.GetProperty("action").GetString());
        Assert.Equal([SampleProfiles.JaneId], record.GetProperty("profileIds").EnumerateArray().Select(r => r.GetString()));
        var groups = record.GetProperty("fieldGroups").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("payments", groups);
        Assert.DoesNotContain("repNotes", groups);
        Assert.Equal(200, record.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Reads_OfEveryKind_AreAuditedWithoutThePersonalQuery()
    {
        using var client = _host.Client(Keys.Support);
        foreach (var path in new[] { "profiles/lookup?phone=%2B14155550100", "profiles/search?name=doe", $"profiles/{SampleProfiles.JaneId}/timeline" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
            var record = await _host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);
            Assert.Contains(SampleProfiles.JaneId, record.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
            Assert.DoesNotContain("4155550100", record.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("doe", record.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("profiles/p-0000000000000000ffff", 404)]
    [InlineData("profiles/p-0000000000000000ffff/timeline", 404)]
    [InlineData("profiles/lookup?email=nobody@nowhere.example", 404)]
    [InlineData("profiles/lookup?source=stripe&sourceId=cus_nobody", 404)]
    [InlineData("profiles/not-an-id", 400)]
    [InlineData("profiles/P-00000000000000000001", 400)]
    [InlineData("profiles/p-0000000000000000000g/timeline", 400)]
    [InlineData("profiles/lookup", 400)]
    [InlineData("profiles/lookup?email=not-an-address", 400)]
    [InlineData("profiles/lookup?email=a@b.example&phone=%2B14155550100", 400)]
    [InlineData("profiles/lookup?phone=12", 400)]
    [InlineData("profiles/lookup?phone=4155550100&region=USA", 400)]
    [InlineData("profiles/lookup?source=stripe", 400)]
    [InlineData("profiles/lookup?source=str%20ipe&sourceId=1", 400)]
    [InlineData("profiles/lookup?email=a@b.example&email=c@d.example", 400)]
    [InlineData("profiles/lookup?emial=a@b.example", 400)]
    [InlineData("profiles/search", 400)]
    [InlineData("profiles/search?name=j", 400)]
    [InlineData("profiles/search?name=jane&company=contoso", 400)]
    [InlineData("profiles/search?name=jane&limit=0", 400)]
    [InlineData("profiles/search?name=jane&limit=abc", 400)]
    [InlineData("profiles/search?name=jane&cursor=%%%", 400)]
    [InlineData("profiles/p-00000000000000000001/timeline?limit=201", 400)]
    [InlineData("profiles/p-00000000000000000001/timeline?kind=party", 400)]
    [InlineData("profiles/p-00000000000000000001/timeline?cursor=!!", 400)]
    [InlineData("audit?from=yesterday", 400)]
    [InlineData("audit?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", 400)]
    [InlineData("audit?cursor=abc", 400)]
    [InlineData("audit?profileId=x", 400)]
    [InlineData("nothing-here", 404)]
    [InlineData("profiles/p-00000000000000000001/unknown", 404)]
    public async Task BadOrUnknownInput_IsAProblemWithItsStatus(string path, int status)
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        await AssertProblemAsync(response, status);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.DeleteAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        await AssertProblemAsync(response, 405);
    }

    [Fact]
    public async Task GetProfile_MergedId_RedirectsPermanentlyToSurvivor()
    {
        using var client = _host.Client(Keys.Sales);
        using var response = await client.GetAsync(new Uri($"profiles/{SampleProfiles.MergedId}", UriKind.Relative));
        using var timeline = await client.GetAsync(new Uri($"profiles/{SampleProfiles.MergedId}/timeline?limit=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"/api/v1/profiles/{SampleProfiles.JaneId}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, timeline.StatusCode);
        Assert.Equal($"/api/v1/profiles/{SampleProfiles.JaneId}/timeline?limit=2", timeline.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetProfile_IfNoneMatchCurrentETag_Is304UntilTheProfileChanges()
    {
        using var client = _host.Client(Keys.Sales);
        var uri = new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative);
        using var first = await client.GetAsync(uri);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, uri);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var stored = await _host.Store.Profiles.GetAsync(DocumentKey.Single(SampleProfiles.JaneId));
        var changed = stored!.Document with { Fields = new(stored.Document.Fields) { ["city"] = new GoldenValue("Chicago", "crm", "1", SampleProfiles.Now, "most-recent") } };
        await _host.Store.Documents.WriteAsync([_host.Store.Profiles.Replace(stored.Key, changed, stored.ETag)]);

        using var afterChange = new HttpRequestMessage(HttpMethod.Get, uri);
        afterChange.Headers.IfNoneMatch.Add(etag);
        using var fresh = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Contains("Chicago", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProfile_DifferentRoles_GetDifferentETags()
    {
        using var sales = _host.Client(Keys.Sales);
        using var finance = _host.Client(Keys.Finance);
        var uri = new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative);

        using var a = await sales.GetAsync(uri);
        using var b = await finance.GetAsync(uri);

        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
        Assert.True(a.Headers.CacheControl is { Private: true, NoCache: true });
    }

    [Theory]
    [InlineData("profiles/lookup?email=jane@contoso.example")]
    [InlineData("profiles/lookup?phone=%2B1%20415%20555%200100")]
    [InlineData("profiles/lookup?phone=415-555-0100&region=us")]
    [InlineData("profiles/lookup?source=salesforce&sourceId=001A000001JaneDoeAAA")]
    [InlineData("profiles/lookup?source=Salesforce&sourceId=001A000001JaneDoeAAA&entityType=account")]
    [InlineData("profiles/lookup?source=stripe&sourceId=cus_Jane123")]
    public async Task Lookup_ByEmailPhoneOrSourceId_FindsTheProfile(string path)
    {
        using var client = _host.Client(Keys.Sales);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/api/v1/profiles/{SampleProfiles.JaneId}", response.Content.Headers.ContentLocation?.OriginalString);
        Assert.Equal(SampleProfiles.JaneId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Lookup_EmailSharedByTwoProfiles_Is409WithBothIds()
    {
        using var client = _host.Client(Keys.Sales);
        using var response = await client.GetAsync(new Uri("profiles/lookup?email=family@doe.example", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await AssertProblemAsync(response, 409);
        Assert.Equal([SampleProfiles.JaneId, SampleProfiles.NamesakeId], problem.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()).Order());
    }

    [Fact]
    public async Task Timeline_Paging_VisitsEveryVisibleItemOnceNewestFirst()
    {
        using var client = _host.Client(Keys.Admin);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{SampleProfiles.JaneId}/timeline?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor), UriKind.Relative));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(["invoice", "payment", "opportunity", "ticket", "interaction", "note"], seen);
        var filtered = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{SampleProfiles.JaneId}/timeline?kind=ticket,opportunity", UriKind.Relative));
        Assert.Equal(["opportunity", "ticket"], filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Search_Paging_ReturnsEachMatchOnce()
    {
        using var client = _host.Client(Keys.Sales);
        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("profiles/search?name=ja&limit=1", UriKind.Relative));
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri("profiles/search?name=ja&limit=1&cursor=" + first.GetProperty("nextCursor").GetString(), UriKind.Relative));
        var byCompany = await client.GetFromJsonAsync<JsonElement>(new Uri("profiles/search?company=conto", UriKind.Relative));
        var twoWords = await client.GetFromJsonAsync<JsonElement>(new Uri("profiles/search?name=doerr%20jan", UriKind.Relative));

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal([SampleProfiles.JaneId, SampleProfiles.NamesakeId], ids.Order());
        Assert.Equal([SampleProfiles.JaneId], byCompany.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal([SampleProfiles.NamesakeId], twoWords.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetProfile_Json_IsCamelCaseWithIsoTimestamps()
    {
        using var client = _host.Client(Keys.Admin);
        var body = await client.GetStringAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));
        var root = JsonDocument.Parse(body).RootElement;

        Assert.Equal("2026-11-02T09:30:00+00:00", root.GetProperty("updatedAt").GetString());
        Assert.True(root.GetProperty("fields").TryGetProperty("givenName", out _));
        Assert.DoesNotContain("given_name", body, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
        return problem;
    }
}
