using System.Text;
using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Messaging;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.DeadLetters;

/// <summary>
/// Admin-only: the dead letters of a subscription as they failed (reason and the message body,
/// which is raw source data and therefore not field-scoped), and replaying them. Embedded bus
/// locally, Service Bus in Azure.
/// </summary>
public sealed class DeadLetterHandlers(IDeadLetterQueue deadLetters)
{
    public const int MaxListed = 100;

    public async Task<IResult> ListAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (topic, subscription) = Subscription(request);
        var letters = await deadLetters.ListAsync(topic, subscription, MaxListed, request.Aborted).ConfigureAwait(false);
        var views = letters.Select(l => new DeadLetterView(l.Topic, l.Subscription, l.MessageId, l.PartitionKey, l.Subject, l.DeliveryCount, l.Reason, l.DeadLetteredAt, Encoding.UTF8.GetString(l.Body.Span))).ToList();
        request.AuditDetail = $"dead letters of {topic}/{subscription}";
        request.Disclosed([], []);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new DeadLetterList(topic, subscription, views), ApiJsonContext.Default.DeadLetterList), "application/json; charset=utf-8");
    }

    public async Task<IResult> ReplayAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (topic, subscription) = Subscription(request);
        var body = request.HttpContext.Request;
        var replay = body.ContentLength is > 0 || body.Headers.TransferEncoding.Count > 0
            ? await request.BodyAsync(ApiJsonContext.Default.ReplayRequest).ConfigureAwait(false)
            : null;
        request.AuditDetail = $"replay of {(replay?.MessageIds is { } ids ? ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "every")} dead letter(s) of {topic}/{subscription}";
        var replayed = await deadLetters.ReplayAsync(topic, subscription, replay?.MessageIds, request.Aborted).ConfigureAwait(false);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new ReplayResult(topic, subscription, replayed), ApiJsonContext.Default.ReplayResult), "application/json; charset=utf-8");
    }

    private static (string Topic, string Subscription) Subscription(ApiRequest request)
    {
        var topic = request.Route("topic");
        var subscription = request.Route("subscription");
        return Topics.Subscriptions.TryGetValue(topic, out var subscriptions) && subscriptions.Contains(subscription, StringComparer.Ordinal)
            ? (topic, subscription)
            : throw ApiProblemException.NotFound($"No subscription '{subscription}' on topic '{topic}'.");
    }
}
