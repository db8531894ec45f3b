namespace Customer360Hub.Embedded.Notifications;

/// <summary>Local alert channels: a log line always, an alerts file, and optionally a webhook.</summary>
public sealed class NotifierOptions
{
    public const string SectionName = "Embedded:Alerts";

    /// <summary>JSON Lines file inside the data folder; empty turns the file off.</summary>
    public string File { get; set; } = "alerts.jsonl";

    /// <summary>An HTTPS endpoint that receives each alert as JSON (for example a chat incoming webhook).</summary>
    public Uri? WebhookUrl { get; set; }
}
