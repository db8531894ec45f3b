using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Salesforce;

/// <summary>
/// Salesforce REST API (section <c>Connectors:Salesforce</c>); <see cref="ConnectorOptions.BaseUrl"/> is the
/// instance URL, e.g. <c>https://mydomain.my.salesforce.com</c>; auth: OAuth client credentials of a
/// connected app (<c>Auth:TokenUrl</c>, <c>Auth:ClientId</c>, <c>Auth:ClientSecret</c>).
/// </summary>
public sealed class SalesforceOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:Salesforce";

    /// <summary>The REST API version.</summary>
    public string ApiVersion { get; set; } = "v60.0";
}
