using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Builds the <see cref="ProfileExplanation"/> of a profile from its stored relations and
/// decisions, with the field-by-field evidence of each relation recomputed from its records.
/// </summary>
public sealed class IdentityExplainer(HubStore store, IdentityResolver identity)
{
    /// <summary>The explanation, or null when there is no such profile (merged ids are followed).</summary>
    public async Task<ProfileExplanation?> ExplainAsync(string profileId, CancellationToken cancellationToken = default)
    {
        var found = await store.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var profile = found.Document;
        var members = profile.Members.Select(m => m.RecordKey).ToHashSet(StringComparer.Ordinal);
        var links = new List<IdentityLink>();
        var possible = new List<IdentityLink>();
        var households = new List<IdentityLink>();
        var decisionIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in members.Order(StringComparer.Ordinal))
        {
            foreach (var relation in (await store.Links.QueryAllAsync(member, cancellationToken).ConfigureAwait(false)).Select(r => r.Document))
            {
                if (relation.DecisionId is { } decisionId)
                {
                    decisionIds.Add(decisionId);
                }

                var inside = members.Contains(relation.OtherKey);
                if (inside && string.CompareOrdinal(relation.RecordKey, relation.OtherKey) > 0)
                {
                    // Relations inside the profile are stored on both records; show each once.
                    continue;
                }

                var list = relation.Decision switch
                {
                    LinkDecision.Link or LinkDecision.ForceMatch when inside => links,
                    LinkDecision.Possible or LinkDecision.Link when !inside => possible,
                    LinkDecision.Household => households,
                    _ => null,
                };
                list?.Add(await identity.WithComparisonsAsync(relation, cancellationToken).ConfigureAwait(false));
            }
        }

        var scorer = identity.Scorer;
        var decisions = await store.Stewardship.GetManyAsync(decisionIds.Select(DocumentKey.Single).ToList(), cancellationToken).ConfigureAwait(false);
        return new ProfileExplanation(
            profile.Id,
            profile.HouseholdId,
            profile.Members,
            links,
            possible,
            households,
            decisions.Select(d => d.Document).ToList(),
            $"{scorer.Model.Version} ({scorer.Model.Origin}); link at {scorer.Policy.LinkThreshold} bits, review at {scorer.Policy.ReviewThreshold} bits");
    }
}
