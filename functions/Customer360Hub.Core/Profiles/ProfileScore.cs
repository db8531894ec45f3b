namespace Customer360Hub.Profiles;

/// <summary>What the scorer wrote for a profile (container <c>scores</c>, partition = profile id).</summary>
public sealed record ProfileScore
{
    public required string ProfileId { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }

    /// <summary>Share of canonical party fields with a golden value, 0..1.</summary>
    public double Completeness { get; init; }

    public int SourceCount { get; init; }

    public required string Model { get; init; }
    public required string Note { get; init; }
}
