using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Api.Security;
using Customer360Hub.Api.UnitTests.Support;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.UnitTests.Scoping;

/// <summary>What each role sees and does not see, on every endpoint that returns profile data, with the built-in policy.</summary>
public sealed class FieldScopePolicyTests : IAsyncLifetime
{
    private static readonly string[] AllKeys = [Keys.Sales, Keys.SalesOwner, Keys.SalesManager, Keys.Support, Keys.Finance, Keys.Success, Keys.Steward, Keys.Privacy, Keys.Admin];
    private static readonly string[] SalesKeys = [Keys.Sales, Keys.SalesOwner, Keys.SalesManager];

    /// <summary>Golden field (camelCase) to the keys that see it; every other key must not.</summary>
    private static readonly Dictionary<string, string[]> FieldVisibility = new()
    {
        ["givenName"] = AllKeys,
        ["companyName"] = AllKeys,
        ["email"] = AllKeys,
        ["owner"] = AllKeys,
        ["dateOfBirth"] = [Keys.Steward, Keys.Privacy, Keys.Admin],
        ["nationalId"] = [Keys.Steward, Keys.Privacy, Keys.Admin],
        ["repNotes"] = [.. SalesKeys, Keys.Support, Keys.Success, Keys.Privacy, Keys.Admin],
        ["paymentMethod"] = [Keys.Finance, Keys.Privacy, Keys.Admin],
        ["commissionRate"] = [Keys.SalesOwner, Keys.SalesManager],
        ["shoeSize"] = [],
    };

    /// <summary>Timeline kind to the keys that see its items.</summary>
    private static readonly Dictionary<string, string[]> KindVisibility = new()
    {
        ["invoice"] = [Keys.Finance, Keys.Success, Keys.Privacy, Keys.Admin],
        ["payment"] = [Keys.Finance, Keys.Privacy, Keys.Admin],
        ["opportunity"] = [.. SalesKeys, Keys.Success, Keys.Privacy, Keys.Admin],
        ["ticket"] = [.. SalesKeys, Keys.Support, Keys.Success, Keys.Privacy, Keys.Admin],
        ["interaction"] = [.. SalesKeys, Keys.Support, Keys.Success, Keys.Privacy, Keys.Admin],
        ["note"] = [.. SalesKeys, Keys.Support, Keys.Success, Keys.Privacy, Keys.Admin],
        ["secretKind"] = [],
    };

    /// <summary>Values that must not appear anywhere in a response to a key that may not see them.</summary>
    private static readonly (string Value, string[] Keys)[] SecretValues =
    [
        ("123-45-6789", FieldVisibility["nationalId"]),
        ("wife is the decision maker", FieldVisibility["repNotes"]),
        ("visa ending 4242", FieldVisibility["paymentMethod"]),
        ("Card payment visa 4242", KindVisibility["payment"]),
        ("pushy about discounts", KindVisibility["note"]),
        ("0.12", FieldVisibility["commissionRate"]),
        ("Unclassified item", []),
        ("\"38\"", []),
    ];

    private ApiHost _host = null!;

    public static TheoryData<string> Callers() => [.. AllKeys];

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task GetProfile_EachRole_SeesExactlyItsFieldGroups(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));
        var fields = JsonDocument.Parse(body).RootElement.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var (field, keys) in FieldVisibility)
        {
            Assert.True(keys.Contains(key) == fields.Contains(field), $"{key}: field {field} should be {(keys.Contains(key) ? "visible" : "masked")}");
        }

        AssertNoSecrets(key, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(key != Keys.Steward, root.TryGetProperty("score", out _));
        var counts = root.TryGetProperty("transactionCounts", out var c) ? c.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        Assert.Equal(KindVisibility["payment"].Contains(key), counts.Contains("payment"));
        Assert.Equal(KindVisibility["opportunity"].Contains(key), counts.Contains("opportunity"));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task GetTimeline_EachRole_SeesOnlyItemsOfItsGroups(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri($"profiles/{SampleProfiles.JaneId}/timeline", UriKind.Relative));
        var kinds = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToHashSet();

        foreach (var (kind, keys) in KindVisibility)
        {
            Assert.True(keys.Contains(key) == kinds.Contains(kind), $"{key}: {kind} items should be {(keys.Contains(key) ? "visible" : "masked")}");
        }

        AssertNoSecrets(key, body);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Search_EachRole_ResultsCarryOnlyVisibleFields(string key)
    {
        using var client = _host.Client(key);
        var body = await client.GetStringAsync(new Uri("profiles/search?name=jane", UriKind.Relative));
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([SampleProfiles.JaneId, SampleProfiles.NamesakeId], items.Select(i => i.GetProperty("id").GetString()).Order());
        AssertNoSecrets(key, body);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Lookup_EachRole_IsScopedLikeGetProfile(string key)
    {
        using var client = _host.Client(key);
        var byId = await client.GetStringAsync(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));
        var byEmail = await client.GetStringAsync(new Uri("profiles/lookup?email=JANE@contoso.example", UriKind.Relative));

        Assert.Equal(byId, byEmail);
    }

    [Fact]
    public async Task Policy_RoleWithoutContactGroup_SearchHidesEmailAndLookupByEmailIsForbidden()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:Scoping:Roles:support"] = "core,identity" });
        await SampleProfiles.SeedAsync(host);
        using var client = host.Client(Keys.Support);

        var search = await client.GetFromJsonAsync<JsonElement>(new Uri("profiles/search?name=jane%20doe", UriKind.Relative));
        var fields = search.GetProperty("items")[0].GetProperty("fields");
        Assert.True(fields.TryGetProperty("fullName", out _));
        Assert.False(fields.TryGetProperty("email", out _));

        using var lookup = await client.GetAsync(new Uri("profiles/lookup?email=jane@contoso.example", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, lookup.StatusCode);
        Assert.Equal("application/problem+json", lookup.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Policy_FieldClassifiedInConfiguration_BecomesVisibleToItsGroup()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Api:Scoping:Fields:profile.fields.shoeSize"] = "identity" });
        await SampleProfiles.SeedAsync(host);
        using var client = host.Client(Keys.Finance);

        var profile = await client.GetFromJsonAsync<JsonElement>(new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative));

        Assert.Equal("38", profile.GetProperty("fields").GetProperty("shoeSize").GetString());
    }

    [Fact]
    public void Scope_UnclassifiedPropertiesAndKinds_AreLeftOutAndWildcardsNarrow()
    {
        var options = new ScopingOptions();
        options.Groups["a"] = new FieldGroupOptions();
        options.Groups["b"] = new FieldGroupOptions();
        options.Fields["item.known"] = "a";
        options.Fields["item.*.secret"] = "b";
        options.Fields["doc.list"] = "a";
        options.Fields["doc.nested.x"] = "a";
        var policy = new FieldScopePolicy(Options.Create(options));
        var onlyA = 1UL << 0;

        var item = JsonDocument.Parse("""{"kind":"known","title":"t","secret":"s"}""").RootElement;
        var unknown = JsonDocument.Parse("""{"kind":"other","title":"t"}""").RootElement;
        var doc = JsonDocument.Parse("""{"list":[1,{"kind":"z","v":2}],"nested":{"x":1,"y":2},"added":"later"}""").RootElement;

        Assert.Equal("""{"kind":"known","title":"t"}""", System.Text.Encoding.UTF8.GetString(policy.Scope(item, "item", onlyA, out var emitted)));
        Assert.Equal(onlyA, emitted);
        Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(policy.Scope(unknown, "item", onlyA | (1UL << 1), out _)));
        Assert.Equal("""{"list":[1],"nested":{"x":1}}""", System.Text.Encoding.UTF8.GetString(policy.Scope(doc, "doc", onlyA, out _)));
    }

    [Fact]
    public void MaskFor_OwnerOnlyGroup_OnlyForOwnerAndManagers()
    {
        var policy = new FieldScopePolicy(Options.Create(DefaultPolicy()));
        var rep = new Caller("rep", [Roles.Sales], UserId: "Rep@Contoso.example");
        var manager = new Caller("boss", [Roles.Sales], IsManager: true);

        Assert.Contains(FieldGroups.Commission, policy.GroupNames(policy.MaskFor(rep, "rep@contoso.example")));
        Assert.DoesNotContain(FieldGroups.Commission, policy.GroupNames(policy.MaskFor(rep, "someone.else@contoso.example")));
        Assert.Contains(FieldGroups.Commission, policy.GroupNames(policy.MaskFor(manager, null)));
        Assert.DoesNotContain(FieldGroups.Commission, policy.GroupNames(policy.MaskWithoutOwnership(rep)));
    }

    private static ScopingOptions DefaultPolicy()
    {
        var options = new ScopingOptions();
        DefaultScopingPolicy.Apply(options);
        return options;
    }

    private static void AssertNoSecrets(string key, string body)
    {
        foreach (var (value, keys) in SecretValues)
        {
            if (!keys.Contains(key))
            {
                Assert.DoesNotContain(value, body, StringComparison.Ordinal);
            }
        }
    }
}
