using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Json;
using Customer360Hub.Notifications;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Embedded.Notifications;

/// <summary>
/// Delivers an alert as a log line, appends it to the alerts file and posts it to the webhook
/// when one is configured. A webhook failure propagates so the caller can retry.
/// </summary>
public sealed partial class LocalNotifier(
    string? alertsFile,
    Uri? webhookUrl,
    IHttpClientFactory httpClientFactory,
    ILogger<LocalNotifier> logger) : INotifier
{
    public const string HttpClientName = "alerts-webhook";

    private readonly SemaphoreSlim _fileLock = new(1, 1);

    public async Task NotifyAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(logger, alert.Kind, alert.Severity, alert.ProfileId, alert.Title);
        if (!string.IsNullOrEmpty(alertsFile))
        {
            var line = JsonSerializer.Serialize(alert, CoreJsonContext.Default.Alert) + "\n";
            await _fileLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await File.AppendAllTextAsync(alertsFile, line, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _fileLock.Release();
            }
        }

        if (webhookUrl is not null)
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(webhookUrl, alert, CoreJsonContext.Default.Alert, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} ({Severity}) for profile {ProfileId}: {Title}")]
    private static partial void LogAlert(ILogger logger, string kind, string severity, string profileId, string title);
}
