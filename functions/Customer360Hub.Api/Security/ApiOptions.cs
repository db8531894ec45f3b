namespace Customer360Hub.Api.Security;

/// <summary>Section <c>Api</c>: the API keys accepted locally (in Azure, Entra ID tokens are used instead).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public List<ApiKey> Keys { get; set; } = [];
}
