namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// How a connector authenticates. Vendors on Microsoft Entra ID (Business Central, Graph) use
/// OAuth client credentials through an Azure.Identity <c>TokenCredential</c> (a client secret, or
/// the managed identity in Azure); Salesforce uses its own OAuth client-credentials endpoint;
/// Stripe, Zendesk and HubSpot use API keys or tokens. All empty: no credentials are sent
/// (the local sandbox).
/// </summary>
public sealed class ConnectorAuthOptions
{
    /// <summary>An API key or token (Stripe secret key, Zendesk API token, HubSpot private app token).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Zendesk: the agent email the API token belongs to (Basic <c>{email}/token:{token}</c>).</summary>
    public string? UserName { get; set; }

    /// <summary>Entra tenant (Business Central, Graph).</summary>
    public string? TenantId { get; set; }

    /// <summary>OAuth client id (Entra app registration, or Salesforce connected app consumer key).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Use the host's managed identity (Azure) instead of a client secret.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>OAuth scope; for Entra vendors defaults to the vendor's <c>/.default</c> scope.</summary>
    public string? Scope { get; set; }

    /// <summary>Salesforce: the token endpoint, e.g. <c>https://mydomain.my.salesforce.com/services/oauth2/token</c>.</summary>
    public Uri? TokenUrl { get; set; }

    public bool UsesEntra => UseManagedIdentity || (TenantId is not null && ClientId is not null && ClientSecret is not null);
}
