namespace Customer360Hub.Survivorship;

/// <summary>A tie-breaker of a field group's rule chain, applied in the configured order.</summary>
public enum SurvivorshipRule
{
    /// <summary>The group's system of record first: sources in <see cref="FieldGroupOptions.SourcePriority"/> order, unlisted sources last.</summary>
    SourcePriority,

    /// <summary>The value the source changed most recently (source clock).</summary>
    MostRecent,

    /// <summary>The value most member records agree on.</summary>
    MostFrequent,

    /// <summary>The record filling most of the group's fields, then the longest values.</summary>
    MostComplete,
}
