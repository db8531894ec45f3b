namespace Customer360Hub.Profiles;

/// <summary>Two record keys and what a steward decision says about them.</summary>
public sealed record RecordPair(string RecordKey, string OtherKey, LinkDecision Decision);
