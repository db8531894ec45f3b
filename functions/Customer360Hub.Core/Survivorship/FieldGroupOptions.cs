namespace Customer360Hub.Survivorship;

/// <summary>
/// Fields that survive together (one record wins the whole group, so an address is never stitched
/// from two records) and the rules that pick that record.
/// </summary>
public sealed class FieldGroupOptions
{
    /// <summary>Canonical field names of the group.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>Tie-breakers in order; empty means the default group's rules.</summary>
    public List<SurvivorshipRule> Rules { get; set; } = [];

    /// <summary>Sources in order of trust for this group: the first is the system of record.</summary>
    public List<string> SourcePriority { get; set; } = [];

    /// <summary>
    /// True (default): records without a value for the group take no part. False: a record that
    /// sends the fields empty can win and blank the golden value (a system of record clearing it).
    /// </summary>
    public bool IgnoreEmpty { get; set; } = true;
}
