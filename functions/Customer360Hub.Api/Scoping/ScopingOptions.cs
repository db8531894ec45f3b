namespace Customer360Hub.Api.Scoping;

/// <summary>
/// Section <c>Api:Scoping</c>: the field-level policy. <see cref="Fields"/> puts every field of
/// every response into a group; <see cref="Roles"/> says which groups each role sees. A field
/// with no group is never sent. Configuration adds to and overrides the built-in policy
/// (<c>docs/api.md</c> lists it).
/// </summary>
public sealed class ScopingOptions
{
    public const string SectionName = "Api:Scoping";

    public Dictionary<string, FieldGroupOptions> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Role to its visible groups, comma-separated.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Field path to group. A path starts with the response root (<c>profile</c>, <c>timelineItem</c>)
    /// and follows camelCase property names; array elements add no segment, except that an element
    /// with a <c>kind</c> adds its kind (<c>timelineItem.invoice</c>); <c>*</c> matches any one
    /// segment (below a segment nobody classified, a wildcard that has no group itself classifies
    /// nothing: it narrows fields classified above it). A field inherits its closest classified
    /// ancestor's group and is sent only when every classified ancestor is visible; an item whose
    /// kind has no group is left out whole.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The golden field (canonical name) naming a profile's owner, compared with the caller's user id.</summary>
    public string OwnerField { get; set; } = "owner";
}
