using System.Net;
using System.Text.Json;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Azure.Notifications;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Azure.UnitTests.Notifications;

public sealed class GraphNotifierTests : IDisposable
{
    private static readonly Alert Drop = new(
        "p-1:healthDrop", "p-1", "healthDrop", "critical", "Health dropped 22 points in 3 days (81 to 59)",
        "Dropped 22 points: support tickets tripled this month (9 in the last 30 days against 3 in a usual month).",
        "Call the customer about their open tickets.", new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    private readonly RecordingHandler _graph = new() { Respond = _ => new HttpResponseMessage(HttpStatusCode.Accepted) };
    private readonly ServiceProvider _services;

    public GraphNotifierTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(GraphNotifier.HttpClientName)
            .AddHttpMessageHandler(() => new BearerTokenHandler(new StaticTokenCredential(), "https://graph.microsoft.com/.default", new FakeTimeProvider(DateTimeOffset.UtcNow)))
            .ConfigurePrimaryHttpMessageHandler(() => _graph);
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task NotifyAsync_AlertWithAnOwner_MailsTheOwnerFromTheSenderMailbox()
    {
        await Notifier(new GraphNotifierOptions { Sender = "c360-alerts@contoso.com", DefaultRecipient = "cs-team@contoso.com" })
            .NotifyAsync(Drop with { Recipient = "owner@contoso.com" });

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://graph.microsoft.com/v1.0/users/c360-alerts%40contoso.com/sendMail", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer test-token-1", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var message = body.RootElement.GetProperty("message");
        Assert.Equal("[Customer360Hub] Health dropped 22 points in 3 days (81 to 59)", message.GetProperty("subject").GetString());
        Assert.Equal("owner@contoso.com", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal("high", message.GetProperty("importance").GetString());
        var text = message.GetProperty("body").GetProperty("content").GetString()!;
        Assert.Contains("support tickets tripled this month", text, StringComparison.Ordinal);
        Assert.Contains("Next step: Call the customer about their open tickets.", text, StringComparison.Ordinal);
        Assert.Contains("Profile: p-1", text, StringComparison.Ordinal);
        Assert.False(body.RootElement.GetProperty("saveToSentItems").GetBoolean());
    }

    [Fact]
    public async Task NotifyAsync_NoOwnerAddress_MailsTheDefaultRecipient()
    {
        await Notifier(new GraphNotifierOptions { Sender = "c360-alerts@contoso.com", DefaultRecipient = "19f0a1b2c3.contoso.onmicrosoft.com@emea.teams.ms" })
            .NotifyAsync(Drop with { Recipient = "005xx000001Sv6AAAS" });

        using var body = JsonDocument.Parse(Assert.Single(_graph.Requests).Body);
        Assert.Equal(
            "19f0a1b2c3.contoso.onmicrosoft.com@emea.teams.ms",
            body.RootElement.GetProperty("message").GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
    }

    [Fact]
    public async Task NotifyAsync_NoSenderConfigured_OnlyLogs()
    {
        await Notifier(new GraphNotifierOptions { DefaultRecipient = "cs-team@contoso.com" }).NotifyAsync(Drop);

        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task NotifyAsync_GraphRefuses_ThrowsWithTheErrorCodeSoTheAlertIsRetried()
    {
        _graph.Respond = _ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("""{"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled for owner@contoso.com."}}"""),
        };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Notifier(new GraphNotifierOptions { Sender = "c360-alerts@contoso.com", DefaultRecipient = "cs-team@contoso.com" }).NotifyAsync(Drop));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("ErrorAccessDenied", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("owner@contoso.com", error.Message, StringComparison.Ordinal);
    }

    private GraphNotifier Notifier(GraphNotifierOptions options) =>
        new(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), NullLogger<GraphNotifier>.Instance);
}
