using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>
/// An <see cref="IdentityLink"/> read without its field comparisons: what re-clustering needs.
/// </summary>
public sealed record RelationSummary(string OtherKey, LinkDecision Decision, double Score, List<string> Rules, string? DecisionId, DateTimeOffset? EffectiveFrom, string? ModelVersion = null)
{
    public static RelationSummary Of(IdentityLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new RelationSummary(link.OtherKey, link.Decision, link.Score, link.Rules, link.DecisionId, link.EffectiveFrom, link.ModelVersion);
    }
}
