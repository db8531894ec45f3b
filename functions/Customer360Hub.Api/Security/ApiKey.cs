namespace Customer360Hub.Api.Security;

/// <summary>A local API key and the caller it stands for.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;
}
