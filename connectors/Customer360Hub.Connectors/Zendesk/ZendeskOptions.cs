using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Zendesk;

/// <summary>
/// Zendesk Support API (section <c>Connectors:Zendesk</c>); <see cref="ConnectorOptions.BaseUrl"/> is
/// <c>https://{subdomain}.zendesk.com</c>; auth: an API token (<c>Auth:ApiKey</c>) with the agent email
/// (<c>Auth:UserName</c>), or an OAuth access token in <c>Auth:ApiKey</c> alone.
/// </summary>
public sealed class ZendeskOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:Zendesk";
}
