namespace Customer360Hub.Profiles;

/// <summary>What a steward decided.</summary>
public enum StewardAction
{
    /// <summary>Two records are never the same party.</summary>
    NeverMatch,

    /// <summary>Two records are the same party whatever the matcher says.</summary>
    ForceMatch,

    /// <summary>Two profiles are one (recorded as a force-match between one record of each).</summary>
    Merge,

    /// <summary>Records taken out of a profile into their own (never-match against those left, force-match among themselves).</summary>
    Split,
}
