using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>
/// An <see cref="IdentityLink"/> read without its field comparisons: what re-clustering needs.
/// Reading the same documents through this shape skips the evidence, which is most of each one.
/// </summary>
public sealed record RelationSummary(string OtherKey, LinkDecision Decision, double Score, List<string> Rules, string? DecisionId, DateTimeOffset? EffectiveFrom);
