using Customer360Hub.Changes;

namespace Customer360Hub.Survivorship;

/// <summary>
/// Section <c>Profiles:Survivorship</c>: how golden values are chosen. Fields in no group form a
/// group of their own with <see cref="Default"/>'s rules. The built-in groups <c>name</c> and
/// <c>address</c> apply unless a group of the same name is configured.
/// </summary>
public sealed class SurvivorshipOptions
{
    public const string SectionName = "Profiles:Survivorship";

    /// <summary>Rules for fields in no group (and for groups without rules). Default: most recent.</summary>
    public FieldGroupOptions Default { get; set; } = new();

    /// <summary>Field groups by name.</summary>
    public Dictionary<string, FieldGroupOptions> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The groups in force: built-in ones overlaid by configured ones, every rule list filled.</summary>
    public IReadOnlyDictionary<string, FieldGroupOptions> EffectiveGroups()
    {
        var groups = new Dictionary<string, FieldGroupOptions>(StringComparer.Ordinal)
        {
            ["name"] = new() { Fields = [CanonicalFields.GivenName, CanonicalFields.FamilyName, CanonicalFields.FullName] },
            ["address"] = new()
            {
                Fields = [CanonicalFields.AddressLine1, CanonicalFields.AddressLine2, CanonicalFields.City, CanonicalFields.Postcode, CanonicalFields.Region, CanonicalFields.Country],
            },
        };
        foreach (var (name, group) in Groups)
        {
            groups[name] = group;
        }

        var defaults = EffectiveDefault();
        return groups.ToDictionary(
            g => g.Key,
            g => new FieldGroupOptions
            {
                Fields = [.. g.Value.Fields],
                Rules = g.Value.Rules.Count > 0 ? [.. g.Value.Rules] : [.. defaults.Rules],
                SourcePriority = g.Value.Rules.Count > 0 || g.Value.SourcePriority.Count > 0 ? [.. g.Value.SourcePriority] : [.. defaults.SourcePriority],
                IgnoreEmpty = g.Value.IgnoreEmpty,
            },
            StringComparer.Ordinal);
    }

    public FieldGroupOptions EffectiveDefault() => Default.Rules.Count > 0
        ? Default
        : new FieldGroupOptions { Rules = [SurvivorshipRule.MostRecent], SourcePriority = Default.SourcePriority, IgnoreEmpty = Default.IgnoreEmpty };
}
