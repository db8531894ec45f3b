namespace Customer360Hub.Api.Security;

/// <summary>Section <c>Api:EntraId</c>: bearer tokens issued by Microsoft Entra ID (used in Azure).</summary>
public sealed class EntraIdOptions
{
    /// <summary>The issuing authority, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>. Empty: bearer tokens are refused.</summary>
    public string? Authority { get; set; }

    /// <summary>Accepted <c>aud</c> values: the API's application id URI and/or client id.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Accepted <c>iss</c> values besides the authority's own issuer (e.g. the v1 <c>https://sts.windows.net/{tenant-id}/</c>).</summary>
    public List<string> ExtraIssuers { get; set; } = [];

    /// <summary>The app role that marks a manager.</summary>
    public string ManagerRole { get; set; } = "manager";

    /// <summary>Off only for tests against a local metadata server.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference for <c>nbf</c> and <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
