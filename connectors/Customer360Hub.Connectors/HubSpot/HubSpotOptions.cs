using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.HubSpot;

/// <summary>HubSpot (section <c>Connectors:HubSpot</c>); <see cref="ConnectorOptions.BaseUrl"/> is <c>https://api.hubapi.com</c>; auth: a private app token in <c>Auth:ApiKey</c>.</summary>
public sealed class HubSpotOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:HubSpot";
}
