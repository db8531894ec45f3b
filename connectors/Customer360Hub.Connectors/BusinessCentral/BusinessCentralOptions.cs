using System.ComponentModel.DataAnnotations;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.BusinessCentral;

/// <summary>
/// Microsoft Dynamics 365 Business Central API v2.0 (section <c>Connectors:BusinessCentral</c>);
/// <see cref="ConnectorOptions.BaseUrl"/> is <c>https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}</c>;
/// auth: an Entra app with the Business Central <c>API.ReadWrite.All</c> application permission.
/// </summary>
public sealed class BusinessCentralOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:BusinessCentral";

    /// <summary>The company id (GUID) whose records are synced.</summary>
    [Required]
    public string CompanyId { get; set; } = string.Empty;
}
