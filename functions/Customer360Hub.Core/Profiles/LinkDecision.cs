namespace Customer360Hub.Profiles;

/// <summary>What a pair of party records is to each other.</summary>
public enum LinkDecision
{
    /// <summary>Nothing worth keeping.</summary>
    None,

    /// <summary>The same party: the records belong to one profile.</summary>
    Link,

    /// <summary>Perhaps the same party: kept apart and put on the steward review queue.</summary>
    Possible,

    /// <summary>Different people sharing a home contact point (address, phone or email): one household.</summary>
    Household,

    /// <summary>A steward said the two records are the same party.</summary>
    ForceMatch,

    /// <summary>A steward said the two records are never the same party.</summary>
    NeverMatch,
}
