namespace Customer360Hub.Resolution;

/// <summary>Who takes a steward decision, why, and from when it applies (now when null).</summary>
public sealed record StewardContext(string DecidedBy, string Reason, DateTimeOffset? EffectiveFrom = null);
