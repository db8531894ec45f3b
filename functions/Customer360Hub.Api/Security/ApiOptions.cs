namespace Customer360Hub.Api.Security;

/// <summary>
/// Section <c>Api</c>: who may call. Locally API keys mapped to roles; in Azure Entra ID tokens.
/// At least one of the two must be configured: the API is never open.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];

    public EntraIdOptions EntraId { get; set; } = new();
}
