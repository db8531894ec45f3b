namespace Customer360Hub.Profiles;

/// <summary>
/// An audited steward decision (container <c>stewardship</c>, partition = id): who decided what,
/// when and why, from when it applies, and whether it was revoked. Its pairs are materialised as
/// steward relations on the records, which every re-evaluation respects.
/// </summary>
public sealed record StewardDecision
{
    public required string Id { get; init; }
    public required StewardAction Action { get; init; }

    /// <summary>The record pairs the decision constrains.</summary>
    public List<RecordPair> Pairs { get; init; } = [];

    /// <summary>The profiles the steward acted on, as they were then.</summary>
    public List<string> ProfileIds { get; init; } = [];

    public required string Reason { get; init; }
    public required string DecidedBy { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required DateTimeOffset EffectiveFrom { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public string? RevokedReason { get; init; }
}
