using System.Net;
using System.Text;
using Customer360Hub.Api.UnitTests.Support;

namespace Customer360Hub.Api.UnitTests.Pipeline;

/// <summary>Thousands of generated hostile or malformed requests: none may fail with a 500, every error is a problem document.</summary>
public sealed class ApiFuzzTests : IAsyncLifetime
{
    private const int Requests = 1500;

    private static readonly string[] Pieces =
    [
        "", "p-", "p-00000000000000000001", "p-0000000000000000000", "p-00000000000000000001x", "lookup", "search", "timeline", "audit",
        "..", "%2e%2e", "%00", "%ff%fe", "\u00e9\u00e8", "\ud83d\ude00", "' OR 1=1 --", "<script>", "${jndi:ldap://x}", "%25", "a%2Fb",
        "null", "-1", "0", "99999999999999999999", "1e9", "NaN", "true", "[]", "{}", "\\", "//", "%20", "+", "&", "=",
    ];

    private static readonly string[] Parameters =
    [
        "email", "phone", "region", "source", "sourceId", "entityType", "name", "company", "limit", "cursor", "kind", "from", "to",
        "profileId", "caller", "x", "", "EMAIL", "limit[]", "lineage", "asOf",
    ];

    private static readonly HttpMethod[] Methods =
    [
        HttpMethod.Get, HttpMethod.Get, HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options,
    ];

    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GeneratedBadRequests_NeverFailWith500()
    {
        var random = new Random(20261102);
        var statuses = new Dictionary<int, int>();
        var keys = new[] { null, Keys.Admin, Keys.Sales, Keys.Finance, Keys.Privacy, Keys.Steward };
        var clients = keys.ToDictionary(k => k ?? "anonymous", _host.Client);
        try
        {
            for (var i = 0; i < Requests; i++)
            {
                var key = keys[random.Next(keys.Length)] ?? "anonymous";
                using var request = new HttpRequestMessage(Methods[random.Next(Methods.Length)], new Uri(Path(random), UriKind.Relative));
                AddHostileHeaders(random, request);
                if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && random.Next(2) == 0)
                {
                    request.Content = new StringContent(Body(random), Encoding.UTF8, random.Next(8) == 0 ? "text/plain" : "application/json");
                }

                using var response = await clients[key].SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                Assert.True(status < 500, $"{request.Method} {request.RequestUri} answered {status}");
                if (status >= 400 && request.Method != HttpMethod.Head)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        // The generator reached the handlers, not just the router: every kind of answer occurred.
        Assert.All(new[] { 200, 400, 401, 403, 404, 405 }, s => Assert.True(statuses.ContainsKey(s), $"no {s} among {string.Join(", ", statuses)}"));
    }

    private static string Path(Random random)
    {
        var segments = random.Next(9) switch
        {
            0 => new[] { "profiles", Piece(random) },
            1 => ["profiles", Piece(random), random.Next(3) switch { 0 => "timeline", 1 => "explain", _ => Piece(random) }],
            2 => ["profiles", random.Next(2) == 0 ? "lookup" : "search"],
            3 => [random.Next(2) == 0 ? "accounts" : "households", Piece(random)],
            4 => [random.Next(3) switch { 0 => "erasures", 1 => "quality", _ => "connectors" }],
            5 => ["admin", "dead-letters", random.Next(2) == 0 ? "source-changes" : Piece(random), random.Next(2) == 0 ? "resolver" : Piece(random), "replay"],
            6 => random.Next(2) == 0 ? ["identity", random.Next(2) == 0 ? "reviews" : "decisions"] : ["identity", "decisions", Piece(random), "revoke"],
            _ => [random.Next(2) == 0 ? "audit" : Piece(random)],
        };
        var path = string.Join('/', segments.Select(s => Uri.EscapeDataString(s)));
        var query = string.Join('&', Enumerable.Range(0, random.Next(0, 5)).Select(_ => Uri.EscapeDataString(Parameters[random.Next(Parameters.Length)]) + "=" + Uri.EscapeDataString(Value(random))));
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>Junk, or JSON objects with the fields the bodies have holding hostile values.</summary>
    private static string Body(Random random) => random.Next(3) switch
    {
        0 => Junk(random, random.Next(0, 5000)),
        1 => random.Next(20) == 0 ? new string('[', 100_000) : "{\"" + Parameters[random.Next(Parameters.Length)] + "\":" + Pieces[random.Next(Pieces.Length)] + "}",
        _ => "{\"" + new[] { "messageIds", "profileId", "email", "phone", "recordKey", "action", "reason", "recordKeys" }[random.Next(8)] + "\":" + System.Text.Json.JsonSerializer.Serialize(Value(random)) + "}",
    };

    private static string Piece(Random random) => random.Next(5) == 0 ? Junk(random, random.Next(1, 300)) : Pieces[random.Next(Pieces.Length)];

    private static string Value(Random random) => random.Next(6) switch
    {
        0 => Junk(random, random.Next(0, 3000)),
        1 => "jane@contoso.example",
        2 => "+14155550100",
        3 => random.Next(-5, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Pieces[random.Next(Pieces.Length)],
    };

    private static string Junk(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(0xa0, 0x2000),
                2 => "%\"'<>{}[]\\\n\t"[random.Next(12)],
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return builder.ToString();
    }

    private static void AddHostileHeaders(Random random, HttpRequestMessage request)
    {
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", random.Next(2) == 0 ? "*" : "\"" + Junk(random, 20).Replace("\n", string.Empty, StringComparison.Ordinal) + "\"");
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", new string('c', random.Next(0, 200)));
        }

        if (random.Next(6) == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('x', random.Next(0, 20000)));
        }

        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', random.Next(0, 1000)));
        }
    }
}
