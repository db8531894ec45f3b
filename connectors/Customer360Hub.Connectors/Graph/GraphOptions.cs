using System.ComponentModel.DataAnnotations;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Graph;

/// <summary>
/// Microsoft Graph (section <c>Connectors:Graph</c>); <see cref="ConnectorOptions.BaseUrl"/> is
/// <c>https://graph.microsoft.com/v1.0</c>; auth: an Entra app with Mail.Read and Calendars.Read
/// application permissions (client secret locally, managed identity in Azure).
/// </summary>
public sealed class GraphOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:Graph";

    /// <summary>The mailbox (user id or principal name) whose mail and meetings with outside people are synced.</summary>
    [Required]
    public string Mailbox { get; set; } = string.Empty;

    /// <summary>Calendar window the delta covers, from this many days back to as many ahead.</summary>
    [Range(1, 3650)]
    public int CalendarWindowDays { get; set; } = 1000;
}
