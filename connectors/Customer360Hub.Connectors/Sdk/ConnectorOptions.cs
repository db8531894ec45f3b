using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>Settings every connector shares (section <c>Connectors:&lt;Name&gt;</c>).</summary>
public class ConnectorOptions
{
    public bool Enabled { get; set; }

    /// <summary>The API root, e.g. <c>https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Time between sync passes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Records asked for per page.</summary>
    [Range(1, 10000)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Credentials. Secrets come from configuration: user secrets locally, Key Vault references
    /// (<c>@Microsoft.KeyVault(SecretUri=...)</c>) in Azure. Never put them in appsettings.json.
    /// </summary>
    public ConnectorAuthOptions Auth { get; set; } = new();
}
