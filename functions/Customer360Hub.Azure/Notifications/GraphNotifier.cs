using System.Net.Mail;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360Hub.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Azure.Notifications;

/// <summary>
/// Delivers an alert as a log line and, when a sender is configured, as a mail through Microsoft
/// Graph (<c>POST /users/{sender}/sendMail</c>) to the profile's account owner, or else to the
/// default recipient (a person, a shared mailbox or a Teams channel's email address). A failed
/// send propagates, so the alert dispatcher releases its claim and the next scorer pass retries.
/// </summary>
public sealed partial class GraphNotifier(IHttpClientFactory httpClientFactory, IOptions<GraphNotifierOptions> options, ILogger<GraphNotifier> logger) : INotifier
{
    public const string HttpClientName = "notifier-graph";

    public async Task NotifyAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(logger, alert.Kind, alert.Severity, alert.ProfileId, alert.Title);
        var settings = options.Value;
        var recipient = IsMailAddress(alert.Recipient) ? alert.Recipient : settings.DefaultRecipient;
        if (string.IsNullOrEmpty(settings.Sender) || string.IsNullOrEmpty(recipient))
        {
            LogNotMailed(logger, alert.Kind, alert.ProfileId);
            return;
        }

        var mail = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["subject"] = $"[Customer360Hub] {alert.Title}",
                ["body"] = new JsonObject { ["contentType"] = "Text", ["content"] = Body(alert) },
                ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = recipient } }),
                ["importance"] = alert.Severity == "critical" ? "high" : "normal",
            },
            ["saveToSentItems"] = false,
        };
        var url = new Uri(settings.BaseUrl, $"users/{Uri.EscapeDataString(settings.Sender)}/sendMail");
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var content = new StringContent(mail.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Microsoft Graph refused the alert mail: {(int)response.StatusCode} {ErrorCode(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))}", null, response.StatusCode);
        }
    }

    /// <summary>Graph's error code (<c>ErrorAccessDenied</c>, ...); its message may echo addresses, so it is left out.</summary>
    private static string ErrorCode(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?["code"]?.GetValue<string>() ?? "(no error code)";
        }
        catch (JsonException)
        {
            return "(no error code)";
        }
    }

    private static string Body(Alert alert) =>
        $"""
        {alert.Title}

        {alert.Message}

        Next step: {alert.NextStep}

        Profile: {alert.ProfileId}
        Raised: {alert.RaisedAt:yyyy-MM-dd HH:mm} UTC ({alert.Kind}, {alert.Severity})
        """;

    private static bool IsMailAddress(string? value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} ({Severity}) for profile {ProfileId}: {Title}")]
    private static partial void LogAlert(ILogger logger, string kind, string severity, string profileId, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Kind} for profile {ProfileId} was not mailed: set Notifications:Graph:Sender and DefaultRecipient")]
    private static partial void LogNotMailed(ILogger logger, string kind, string profileId);
}
