using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Azure.UnitTests.Messaging;

/// <summary>The Service Bus REST protocol as the hub speaks it, against an in-memory endpoint.</summary>
public sealed class ServiceBusChangeBusTests : IDisposable
{
    private const string Namespace = "c360-test.servicebus.windows.net";
    private readonly RecordingHandler _endpoint = new();
    private readonly StaticTokenCredential _credential = new();
    private readonly ServiceProvider _services;
    private readonly ServiceBusChangeBus _bus;

    public ServiceBusChangeBusTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ServiceBusChangeBus.HttpClientName)
            .AddHttpMessageHandler(() => new BearerTokenHandler(_credential, "https://servicebus.azure.net/.default", new FakeTimeProvider(DateTimeOffset.UtcNow)))
            .ConfigurePrimaryHttpMessageHandler(() => _endpoint);
        _services = services.BuildServiceProvider();
        _bus = new ServiceBusChangeBus(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new ServiceBusOptions { FullyQualifiedNamespace = Namespace }));
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task PublishAsync_Messages_SendsOneBatchWithIdsSessionsAndATokenOnce()
    {
        await _bus.PublishAsync(Topics.SourceChanges,
        [
            new BusMessage("id-1", "zendesk/users/1", "Party", Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"id-1"}""")),
            new BusMessage("id-2", "email:jane@example.com", "Transaction", Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"id-2"}""")),
        ]);
        await _bus.PublishAsync(Topics.SourceChanges, [new BusMessage("id-3", "k", "Party", Encoding.UTF8.GetBytes("{}"))]);

        var (method, uri, authorization, contentType, body) = _endpoint.Requests[0];
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal(new Uri($"https://{Namespace}/source-changes/messages"), uri);
        Assert.Equal("Bearer test-token-1", authorization);
        Assert.Equal("application/vnd.microsoft.servicebus.json", contentType);
        var batch = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(2, batch.Count);
        Assert.Equal("id-2", batch[1]!["BrokerProperties"]!["MessageId"]!.ToString());
        Assert.Equal("email:jane@example.com", batch[1]!["BrokerProperties"]!["SessionId"]!.ToString());
        Assert.Equal("Transaction", batch[1]!["BrokerProperties"]!["Label"]!.ToString());
        Assert.Equal("""{"specversion":"1.0","id":"id-1"}""", batch[0]!["Body"]!.ToString());
        Assert.Equal(1, _credential.Requests);
        Assert.Equal("Bearer test-token-1", _endpoint.Requests[1].Authorization);
    }

    [Fact]
    public async Task PublishAsync_MoreThanOneBatchHolds_SplitsByCountAndSize()
    {
        var small = Enumerable.Range(0, 150).Select(i => new BusMessage($"s-{i}", $"k-{i}", "Party", Encoding.UTF8.GetBytes("{}")));
        var large = Enumerable.Range(0, 3).Select(i => new BusMessage($"l-{i}", $"k-{i}", "Party", Encoding.UTF8.GetBytes("\"" + new string('x', 90_000) + "\"")));

        await _bus.PublishAsync(Topics.SourceChanges, [.. small, .. large]);

        var sizes = _endpoint.Requests.Select(r => JsonNode.Parse(r.Body)!.AsArray().Count).ToList();
        Assert.Equal(153, sizes.Sum());
        Assert.All(_endpoint.Requests, r => Assert.True(r.Body.Length < 256 * 1024));
        Assert.All(sizes, size => Assert.InRange(size, 1, 100));
    }

    [Fact]
    public async Task PublishAsync_PartitionKeyLongerThanASessionId_UsesAStableHash()
    {
        var key = "files/customers/" + new string('r', 200);

        await _bus.PublishAsync(Topics.SourceChanges, [new BusMessage("a", key, "Party", Encoding.UTF8.GetBytes("{}"))]);
        await _bus.PublishAsync(Topics.SourceChanges, [new BusMessage("b", key, "Party", Encoding.UTF8.GetBytes("{}"))]);

        var sessions = _endpoint.Requests.Select(r => JsonNode.Parse(r.Body)![0]!["BrokerProperties"]!["SessionId"]!.ToString()).ToList();
        Assert.Equal(sessions[0], sessions[1]);
        Assert.True(sessions[0].Length <= 128);
    }

    [Fact]
    public async Task PublishAsync_Refused_ThrowsWithTheStatusSoTheCallerRetries()
    {
        _endpoint.Respond = _ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("quota exceeded") };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _bus.PublishAsync(Topics.SourceChanges, [new BusMessage("a", "k", "Party", Encoding.UTF8.GetBytes("{}"))]));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("quota exceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_DeadLetters_ReturnsThemWithReasonAndUnlocksEveryOne()
    {
        var queue = new Queue<HttpResponseMessage>([DeadLetter(1, "m-1", "malformed source change: no id"), DeadLetter(2, "m-2", "gave up after 10 deliveries")]);
        _endpoint.Respond = request => request.Method == HttpMethod.Post
            ? queue.Count > 0 ? queue.Dequeue() : new HttpResponseMessage(HttpStatusCode.NoContent)
            : new HttpResponseMessage(HttpStatusCode.OK);

        var letters = await _bus.ListAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10);

        Assert.Equal(["m-1", "m-2"], letters.Select(l => l.MessageId));
        Assert.Equal("malformed source change: no id", letters[0].Reason);
        Assert.Equal("zendesk/users/1", letters[0].PartitionKey);
        Assert.Equal(3, letters[0].DeliveryCount);
        Assert.Equal("""{"id":"m-1"}""", Encoding.UTF8.GetString(letters[0].Body.Span));
        Assert.Equal(new Uri($"https://{Namespace}/source-changes/subscriptions/resolver/$deadletterqueue/messages/head?timeout=1"), _endpoint.Requests[0].Uri);
        var unlocks = _endpoint.Requests.Where(r => r.Method == HttpMethod.Put).Select(r => r.Uri.AbsolutePath).ToList();
        Assert.Equal(["/source-changes/subscriptions/resolver/$deadletterqueue/messages/1/lock-1", "/source-changes/subscriptions/resolver/$deadletterqueue/messages/2/lock-2"], unlocks);
        Assert.DoesNotContain(_endpoint.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task ReplayAsync_ChosenIds_ResendsThemToTheSubscriptionAndRemovesOnlyThose()
    {
        var queue = new Queue<HttpResponseMessage>([DeadLetter(1, "m-1", "boom"), DeadLetter(2, "m-2", "boom")]);
        _endpoint.Respond = request => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/head", StringComparison.Ordinal)
            ? queue.Count > 0 ? queue.Dequeue() : new HttpResponseMessage(HttpStatusCode.NoContent)
            : new HttpResponseMessage(HttpStatusCode.Created);

        var replayed = await _bus.ReplayAsync(Topics.SourceChanges, Topics.ResolverSubscription, ["m-2"]);

        Assert.Equal(1, replayed);
        var send = Assert.Single(_endpoint.Requests, r => r.Uri.AbsolutePath == "/source-changes/messages");
        var message = JsonNode.Parse(send.Body)![0]!;
        Assert.Equal("resolver", message["UserProperties"]!["ReplayTo"]!.ToString());
        Assert.Equal("m-2~replay-2", message["BrokerProperties"]!["MessageId"]!.ToString());
        Assert.Equal("zendesk/users/1", message["BrokerProperties"]!["SessionId"]!.ToString());
        Assert.Equal("/source-changes/subscriptions/resolver/$deadletterqueue/messages/2/lock-2", Assert.Single(_endpoint.Requests, r => r.Method == HttpMethod.Delete).Uri.AbsolutePath);
        Assert.Equal("/source-changes/subscriptions/resolver/$deadletterqueue/messages/1/lock-1", Assert.Single(_endpoint.Requests, r => r.Method == HttpMethod.Put).Uri.AbsolutePath);
    }

    [Fact]
    public async Task ReceiveAsync_OnAzure_IsRefusedBecauseTriggersReceive()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => _bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10));
    }

    private static HttpResponseMessage DeadLetter(long sequence, string messageId, string reason)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent($$"""{"id":"{{messageId}}"}""") };
        response.Headers.TryAddWithoutValidation("BrokerProperties", $$"""{"DeliveryCount":3,"EnqueuedTimeUtc":"Sun, 01 Nov 2026 10:00:00 GMT","Label":"Party","LockToken":"lock-{{sequence}}","MessageId":"{{messageId}}","SequenceNumber":{{sequence}},"SessionId":"zendesk/users/1"}""");
        response.Headers.TryAddWithoutValidation("DeadLetterReason", $"\"{reason}\"");
        response.Headers.Location = new Uri($"https://{Namespace}/source-changes/subscriptions/resolver/$deadletterqueue/messages/{sequence}/lock-{sequence}");
        return response;
    }
}
