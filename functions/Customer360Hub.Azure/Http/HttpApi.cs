using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Security;
using Customer360Hub.Messaging;
using Customer360Hub.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Azure.Http;

/// <summary>
/// The API as the Functions app's HTTP triggers call it: the same caller authentication and the
/// same <see cref="ProfileHandlers"/> as the local host's routes, plus the admin dead-letter
/// endpoints. Every request's duration is recorded per route and status.
/// </summary>
public sealed class HttpApi(ApiKeyAuthenticator authenticator, ProfileHandlers profiles, IDeadLetterQueue deadLetters)
{
    public const string AdminRole = "admin";
    private const int MaxDeadLettersListed = 100;

    public Task<IResult> GetProfileAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        RunAsync(request, "v1/profiles/{id}", null, () => profiles.GetProfileAsync(id, cancellationToken: cancellationToken));

    public Task<IResult> LookupAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(request, "v1/profiles/lookup", null, () => profiles.LookupAsync(request.Query["email"].ToString(), cancellationToken));

    public Task<IResult> GetTimelineAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) =>
        RunAsync(request, "v1/profiles/{id}/timeline", null, () =>
        {
            var limitText = request.Query["limit"].ToString();
            if (limitText.Length == 0)
            {
                return profiles.GetTimelineAsync(id, null, NullIfEmpty(request.Query["cursor"].ToString()), cancellationToken: cancellationToken);
            }

            return int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                ? profiles.GetTimelineAsync(id, limit, NullIfEmpty(request.Query["cursor"].ToString()), cancellationToken: cancellationToken)
                : Task.FromResult(Problems.BadRequest("The limit is not a number.", "Pass limit as a whole number."));
        });

    public Task<IResult> ListDeadLettersAsync(HttpRequest request, string topic, string subscription, CancellationToken cancellationToken = default) =>
        RunAsync(request, "admin/dead-letters/{topic}/{subscription}", AdminRole, async () =>
        {
            if (!IsKnown(topic, subscription))
            {
                return UnknownSubscription(topic, subscription);
            }

            var letters = await deadLetters.ListAsync(topic, subscription, MaxDeadLettersListed, cancellationToken).ConfigureAwait(false);
            var views = letters.Select(l => new DeadLetterView(l.Topic, l.Subscription, l.MessageId, l.PartitionKey, l.Subject, l.DeliveryCount, l.Reason, l.DeadLetteredAt, Encoding.UTF8.GetString(l.Body.Span))).ToList();
            return Results.Json<IReadOnlyList<DeadLetterView>>(views, AzureApiJsonContext.Default.IReadOnlyListDeadLetterView);
        });

    public Task<IResult> ReplayDeadLettersAsync(HttpRequest request, string topic, string subscription, CancellationToken cancellationToken = default) =>
        RunAsync(request, "admin/dead-letters/{topic}/{subscription}/replay", AdminRole, async () =>
        {
            if (!IsKnown(topic, subscription))
            {
                return UnknownSubscription(topic, subscription);
            }

            ReplayRequest? replay = null;
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    replay = await JsonSerializer.DeserializeAsync(request.Body, AzureApiJsonContext.Default.ReplayRequest, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException)
                {
                    return Problems.BadRequest("The replay request is not valid JSON.", """Send {"messageIds":["..."]}, or no body to replay every dead letter.""");
                }
            }

            var replayed = await deadLetters.ReplayAsync(topic, subscription, replay?.MessageIds, cancellationToken).ConfigureAwait(false);
            return Results.Json(new ReplayResult(topic, subscription, replayed), AzureApiJsonContext.Default.ReplayResult);
        });

    private async Task<IResult> RunAsync(HttpRequest request, string route, string? requiredRole, Func<Task<IResult>> handle)
    {
        var started = Stopwatch.GetTimestamp();
        var caller = authenticator.Authenticate(request);
        var result = caller is null ? Problems.Unauthorized()
            : requiredRole is not null && !string.Equals(caller.Role, requiredRole, StringComparison.Ordinal) ? Problems.Forbidden(caller.Role)
            : await handle().ConfigureAwait(false);
        HubTelemetry.ApiLatency.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("status", (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK));
        return result;
    }

    private static bool IsKnown(string topic, string subscription) =>
        Topics.Subscriptions.TryGetValue(topic, out var subscriptions) && subscriptions.Contains(subscription, StringComparer.Ordinal);

    private static IResult UnknownSubscription(string topic, string subscription) =>
        Problems.NotFound($"No subscription '{subscription}' on topic '{topic}'.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
