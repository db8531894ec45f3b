namespace Customer360Hub.Profiles;

/// <summary>
/// A relation between two party records with its evidence (container <c>links</c>, partition =
/// <see cref="RecordKey"/>; every relation is stored on both records). Computed relations come
/// from the matcher: the fields compared, their levels and weights, and the rules that fired.
/// Steward relations (force-match, never-match) carry the decision they come from.
/// </summary>
public sealed record IdentityLink
{
    public required string RecordKey { get; init; }
    public required string OtherKey { get; init; }
    public required LinkDecision Decision { get; init; }

    /// <summary>Log2 odds that the two are the same party (computed relations).</summary>
    public double Score { get; init; }

    public List<FieldComparison> Comparisons { get; init; } = [];
    public List<string> Rules { get; init; } = [];

    /// <summary>The match model the relation was computed with.</summary>
    public string? ModelVersion { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>For steward relations: the decision (container <c>stewardship</c>).</summary>
    public string? DecisionId { get; init; }

    /// <summary>For steward relations: from when the decision applies.</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }

    /// <summary>Ids of the relations that decide profiles and households sort below this; possible matches sort above.</summary>
    public const string PossibleMatchIds = "u|";

    /// <summary>
    /// The id of the relation inside <see cref="RecordKey"/>'s partition: <c>m|other</c> for a link
    /// or household, <c>u|other</c> for a possible match (kept apart, so re-clustering reads
    /// only what decides profiles), <c>s|decision|other</c> for a steward relation.
    /// </summary>
    public static string IdFor(string otherKey, string? decisionId, LinkDecision decision = LinkDecision.Link) =>
        decisionId is not null ? "s|" + decisionId + "|" + otherKey
        : decision == LinkDecision.Possible ? PossibleMatchIds + otherKey
        : "m|" + otherKey;
}
