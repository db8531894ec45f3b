using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Azure.Notifications;

/// <summary>
/// Section <c>Notifications:Graph</c>: alerts as mail through Microsoft Graph, sent as
/// <see cref="Sender"/> with the app's managed identity (application permission <c>Mail.Send</c>).
/// Without a sender, alerts are only logged (to Application Insights).
/// </summary>
public sealed class GraphNotifierOptions
{
    public const string SectionName = "Notifications:Graph";

    /// <summary>The mailbox alerts are sent from (user principal name or object id), e.g. <c>c360-alerts@contoso.com</c>.</summary>
    public string? Sender { get; set; }

    /// <summary>
    /// Who gets an alert whose profile names no account owner. A Teams channel's email address
    /// (channel, Get email address) posts the alert into that channel.
    /// </summary>
    [EmailAddress]
    public string? DefaultRecipient { get; set; }

    /// <summary>The Graph endpoint (national clouds, or a local stand-in for tests).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary>The token scope for <see cref="BaseUrl"/>.</summary>
    [Required]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}
