using System.Text;
using System.Text.Json.Nodes;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Security;
using Customer360Hub.Azure.Http;
using Customer360Hub.Messaging;
using Customer360Hub.Accounts;
using Customer360Hub.History;
using Customer360Hub.Privacy;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Customer360Hub.Azure.UnitTests.Http;

/// <summary>What a caller of the Functions app's HTTP API sees: the local host's authentication, roles for admin routes, problems for bad input.</summary>
public sealed class HttpApiTests
{
    private readonly Mock<IDeadLetterQueue> _deadLetters = new();
    private readonly HttpApi _api;

    public HttpApiTests()
    {
        var options = new Mock<IOptionsMonitor<ApiOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new ApiOptions
        {
            Keys =
            [
                new ApiKey { Name = "salesforce", Key = "reader-key", Role = "reader" },
                new ApiKey { Name = "ops", Key = "admin-key", Role = "admin" },
            ],
        });
        var store = new HubStore(Mock.Of<IDocumentStore>());
        var quality = Options.Create(new QualityOptions());
        var handlers = new ProfileHandlers(
            store,
            new ProfileHistory(store, new RetentionPolicy(Options.Create(new RetentionOptions()), TimeProvider.System)),
            new AccountReader(store, new CustomerRefs(store, quality)),
            quality,
            TimeProvider.System);
        _api = new HttpApi(new ApiKeyAuthenticator(options.Object), handlers, _deadLetters.Object);
    }

    [Fact]
    public async Task GetProfileAsync_WithoutKey_Returns401Problem()
    {
        var (status, body) = await ExecuteAsync(_api.GetProfileAsync(Request(key: null), "p-00000000000000000000"));

        Assert.Equal(401, status);
        Assert.Equal("Authentication required.", body!["title"]!.ToString());
    }

    [Fact]
    public async Task GetProfileAsync_MalformedId_Returns400Problem()
    {
        var (status, _) = await ExecuteAsync(_api.GetProfileAsync(Request("reader-key"), "not-an-id"));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task GetTimelineAsync_LimitNotANumber_Returns400Problem()
    {
        var (status, body) = await ExecuteAsync(_api.GetTimelineAsync(Request("reader-key", "?limit=ten"), "p-00000000000000000000"));

        Assert.Equal(400, status);
        Assert.Equal("The limit is not a number.", body!["title"]!.ToString());
    }

    [Fact]
    public async Task ListDeadLettersAsync_ReaderRole_Returns403()
    {
        var (status, _) = await ExecuteAsync(_api.ListDeadLettersAsync(Request("reader-key"), Topics.SourceChanges, Topics.ResolverSubscription));

        Assert.Equal(403, status);
        _deadLetters.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ListDeadLettersAsync_Admin_ShowsReasonAndBody()
    {
        _deadLetters.Setup(d => d.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new DeadLetter(Topics.SourceChanges, Topics.ResolverSubscription, "m-1", "zendesk/users/1", "Party", Encoding.UTF8.GetBytes("""{"id":"m-1"}"""), 10, "gave up", DateTimeOffset.UnixEpoch)]);

        var (status, body) = await ExecuteAsync(_api.ListDeadLettersAsync(Request("admin-key"), Topics.SourceChanges, Topics.ResolverSubscription));

        Assert.Equal(200, status);
        Assert.Equal("gave up", body![0]!["reason"]!.ToString());
        Assert.Equal("""{"id":"m-1"}""", body[0]!["body"]!.ToString());
    }

    [Fact]
    public async Task ReplayDeadLettersAsync_UnknownSubscription_Returns404()
    {
        var (status, _) = await ExecuteAsync(_api.ReplayDeadLettersAsync(Request("admin-key"), Topics.SourceChanges, "nobody"));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task ReplayDeadLettersAsync_ChosenIds_ReplaysThoseAndReportsHowMany()
    {
        _deadLetters.Setup(d => d.ReplayAsync(Topics.ProfileChanges, Topics.ScorerSubscription, It.Is<IReadOnlyCollection<string>>(ids => ids.SequenceEqual(new[] { "m-1" })), It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var (status, body) = await ExecuteAsync(_api.ReplayDeadLettersAsync(Request("admin-key", body: """{"messageIds":["m-1"]}"""), Topics.ProfileChanges, Topics.ScorerSubscription));

        Assert.Equal(200, status);
        Assert.Equal(1, body!["replayed"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReplayDeadLettersAsync_BodyNotJson_Returns400()
    {
        var (status, _) = await ExecuteAsync(_api.ReplayDeadLettersAsync(Request("admin-key", body: "all of them"), Topics.ProfileChanges, Topics.ScorerSubscription));

        Assert.Equal(400, status);
    }

    private static HttpRequest Request(string? key, string query = "", string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.QueryString = new QueryString(query);
        if (key is not null)
        {
            context.Request.Headers[ApiKeyAuthenticator.HeaderName] = key;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<(int Status, JsonNode? Body)> ExecuteAsync(Task<IResult> pending)
    {
        var result = await pending;
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
