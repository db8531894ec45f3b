namespace Customer360Hub.Api.Security;

/// <summary>A local API key and the caller it stands for.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Shown in the audit trail; never the key itself.</summary>
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>One of <see cref="Roles"/>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Managers see owner-only field groups (such as commission) on every profile.</summary>
    public bool Manager { get; set; }

    /// <summary>The user the key belongs to, compared with a profile's owner field.</summary>
    public string? UserId { get; set; }
}
