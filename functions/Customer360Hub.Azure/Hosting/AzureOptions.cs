namespace Customer360Hub.Azure.Hosting;

/// <summary>Section <c>Azure</c>: the identity every Azure client uses.</summary>
public sealed class AzureOptions
{
    public const string SectionName = "Azure";

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one (the default deployment).</summary>
    public string? ManagedIdentityClientId { get; set; }
}
