namespace Customer360Hub.Api.Scoping;

/// <summary>A named set of fields that a role sees or does not see as a whole.</summary>
public sealed class FieldGroupOptions
{
    public string Description { get; set; } = string.Empty;

    /// <summary>Only the profile's owner (see <see cref="ScopingOptions.OwnerField"/>) and managers see it, even in roles that list it.</summary>
    public bool OwnerOrManagerOnly { get; set; }
}
