using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Azure.Messaging;

/// <summary>
/// The change bus on Azure Service Bus, over its REST API with a managed identity token. It
/// publishes (batches carrying MessageId for duplicate detection and SessionId for per-key order)
/// and administers dead letters (peek-lock on <c>$deadletterqueue</c>). Receiving and settling
/// belong to the Functions' Service Bus triggers (<see cref="TriggeredBatch"/>), which hold the
/// session locks, so this bus refuses them.
/// </summary>
public sealed class ServiceBusChangeBus(IHttpClientFactory httpClientFactory, IOptions<ServiceBusOptions> options) : IChangeBus, IDeadLetterQueue
{
    public const string HttpClientName = "servicebus";

    /// <summary>User property that routes a replayed message to one subscription (each subscription's rule accepts it only when it names that subscription).</summary>
    public const string ReplayToProperty = "ReplayTo";

    // Standard tier allows 256 KB per send; leave room for the envelope.
    private const int MaxBatchBytes = 192 * 1024;
    private const int MaxBatchCount = 100;
    private const int MaxPeeks = 10_000;
    private const string BatchContentType = "application/vnd.microsoft.servicebus.json";

    public async Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var batch = new List<BusMessage>();
        var bytes = 0;
        foreach (var message in messages)
        {
            if (batch.Count > 0 && (batch.Count == MaxBatchCount || bytes + message.Body.Length > MaxBatchBytes))
            {
                await SendAsync(topic, batch, null, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                bytes = 0;
            }

            batch.Add(message);
            bytes += message.Body.Length + 256;
        }

        if (batch.Count > 0)
        {
            await SendAsync(topic, batch, null, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default) =>
        throw NotHere();

    public Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default) => throw NotHere();

    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) => throw NotHere();

    public Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default) => throw NotHere();

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string subscription, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var locked = new List<LockedMessage>();
        try
        {
            while (locked.Count < maxCount && await PeekLockAsync(topic, subscription, cancellationToken).ConfigureAwait(false) is { } message)
            {
                locked.Add(message);
            }

            return locked.Select(m => m.Letter).ToList();
        }
        finally
        {
            // Listing must not consume: every lock is released at once.
            foreach (var message in locked)
            {
                await SettleAsync(HttpMethod.Put, message, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<int> ReplayAsync(string topic, string subscription, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken = default)
    {
        var skipped = new List<LockedMessage>();
        var seen = new HashSet<long>();
        var replayed = 0;
        try
        {
            for (var peeks = 0; peeks < MaxPeeks; peeks++)
            {
                var message = await PeekLockAsync(topic, subscription, cancellationToken).ConfigureAwait(false);
                if (message is null || !seen.Add(message.SequenceNumber))
                {
                    if (message is not null)
                    {
                        skipped.Add(message);
                    }

                    break;
                }

                if (messageIds is not null && !messageIds.Contains(message.Letter.MessageId))
                {
                    skipped.Add(message);
                    continue;
                }

                // A fresh id, or duplicate detection would drop the resend; the rule of every other
                // subscription ignores it. Send first, then remove: a crash in between replays twice, harmlessly.
                var resend = new BusMessage(
                    ServiceBusSessionIds.Fit($"{message.Letter.MessageId}~replay-{message.SequenceNumber.ToString(CultureInfo.InvariantCulture)}"),
                    message.Letter.PartitionKey,
                    message.Letter.Subject,
                    message.Letter.Body);
                await SendAsync(topic, [resend], subscription, cancellationToken).ConfigureAwait(false);
                await SettleAsync(HttpMethod.Delete, message, cancellationToken).ConfigureAwait(false);
                replayed++;
            }

            return replayed;
        }
        finally
        {
            foreach (var message in skipped)
            {
                await SettleAsync(HttpMethod.Put, message, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(string topic, IReadOnlyList<BusMessage> messages, string? replayTo, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartArray();
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("Body", Encoding.UTF8.GetString(message.Body.Span));
                json.WriteStartObject("BrokerProperties");
                json.WriteString("MessageId", ServiceBusSessionIds.Fit(message.MessageId));
                json.WriteString("SessionId", ServiceBusSessionIds.Fit(message.PartitionKey));
                json.WriteString("Label", message.Subject);
                json.WriteString("ContentType", "application/cloudevents+json");
                json.WriteEndObject();
                if (replayTo is not null)
                {
                    json.WriteStartObject("UserProperties");
                    json.WriteString(ReplayToProperty, replayTo);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, Uri.EscapeDataString(topic) + "/messages"))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", BatchContentType);
        using var response = await Client().SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, $"sending {messages.Count} messages to {topic}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<LockedMessage?> PeekLockAsync(string topic, string subscription, CancellationToken cancellationToken)
    {
        var path = $"{Uri.EscapeDataString(topic)}/subscriptions/{Uri.EscapeDataString(subscription)}/$deadletterqueue/messages/head?timeout=1";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, path));
        using var response = await Client().SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        await ThrowIfFailedAsync(response, $"reading the dead letters of {topic}/{subscription}", cancellationToken).ConfigureAwait(false);
        var broker = response.Headers.TryGetValues("BrokerProperties", out var values)
            ? JsonDocument.Parse(values.First()).RootElement.Clone()
            : throw new InvalidOperationException("Service Bus returned a dead letter without BrokerProperties.");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var reason = Property(response, "DeadLetterReason");
        var description = Property(response, "DeadLetterErrorDescription");
        var letter = new DeadLetter(
            topic,
            subscription,
            Text(broker, "MessageId") ?? string.Empty,
            Text(broker, "SessionId") ?? string.Empty,
            Text(broker, "Label") ?? string.Empty,
            body,
            broker.TryGetProperty("DeliveryCount", out var count) ? count.GetInt32() : 0,
            string.IsNullOrEmpty(description) || description == reason ? reason ?? "unknown" : $"{reason}: {description}",
            DateTimeOffset.TryParse(Text(broker, "EnqueuedTimeUtc"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue);
        var lockUri = response.Headers.Location
            ?? new Uri(BaseUri, $"{Uri.EscapeDataString(topic)}/subscriptions/{Uri.EscapeDataString(subscription)}/$deadletterqueue/messages/{Uri.EscapeDataString(letter.MessageId)}/{Text(broker, "LockToken")}");
        return new LockedMessage(letter, broker.TryGetProperty("SequenceNumber", out var sequence) ? sequence.GetInt64() : 0, lockUri);
    }

    /// <summary>DELETE completes a locked message; PUT unlocks it.</summary>
    private async Task SettleAsync(HttpMethod method, LockedMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, message.LockUri);
        using var response = await Client().SendAsync(request, cancellationToken).ConfigureAwait(false);
        // 404/410: the lock already expired, and the message is back in the dead letter anyway.
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Gone))
        {
            await ThrowIfFailedAsync(response, "settling a dead letter", cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Property(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out var values))
        {
            return null;
        }

        // Custom properties come back as JSON literals: strings are quoted.
        var raw = values.First();
        if (!raw.StartsWith('"'))
        {
            return raw;
        }

        using var literal = JsonDocument.Parse(raw);
        return literal.RootElement.GetString();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new HttpRequestException($"Service Bus refused {what}: {(int)response.StatusCode} {response.ReasonPhrase} {detail}".Trim(), null, response.StatusCode);
    }

    private static NotSupportedException NotHere() =>
        new("On Azure, the Functions' Service Bus triggers receive and settle messages; this bus only publishes and administers dead letters.");

    private Uri BaseUri => new($"https://{options.Value.FullyQualifiedNamespace}/");

    private HttpClient Client() => httpClientFactory.CreateClient(HttpClientName);

    private sealed record LockedMessage(DeadLetter Letter, long SequenceNumber, Uri LockUri);
}
