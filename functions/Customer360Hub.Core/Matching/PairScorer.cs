using System.Globalization;
using Customer360Hub.Profiles;

namespace Customer360Hub.Matching;

/// <summary>
/// Fellegi-Sunter scoring with guard rails. Each compared field adds log2(m/u) of its level; an
/// exact agreement is weighted by how rare the shared value is. Trusted identifiers (national
/// id, personal email) link on their own unless the person-level fields disagree. When given
/// name, date of birth, national id or generation say "different people", shared contact points
/// (address, phone, email, area) no longer count towards a link: such a pair is a household at
/// most, never one profile on contact points alone. Names alone never link: something else
/// (a date of birth, a contact point, an identifier) must agree too.
/// </summary>
public sealed class PairScorer(MatchModel model, MatchPolicy policy)
{
    private readonly double[][] _weights = model.Fields.Count == 0 ? [] : MatchField.All.Select(f => Weights(model.Fields[f.Name])).ToArray();

    public MatchModel Model => model;

    public MatchPolicy Policy => policy;

    public PairEvidence Score(MatchFeatures a, MatchFeatures b)
    {
        var comparison = PairComparer.Compare(a, b);
        return Score(comparison);
    }

    public PairEvidence Score(PairComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Span<double> weights = stackalloc double[MatchField.All.Count];
        var score = model.PriorWeight;
        var sharedHomeContact = false;
        for (var i = 0; i < weights.Length; i++)
        {
            var level = comparison.Levels[i];
            if (level < 0)
            {
                continue;
            }

            var field = MatchField.All[i];
            var weight = _weights[i][level];
            if (level == 0)
            {
                weight = AdjustForFrequency(model.Fields[field.Name], weight, comparison.Values[i]);
                sharedHomeContact |= field == MatchField.Address || field == MatchField.Email || (field == MatchField.Phone && comparison.Levels[MatchField.FamilyName.Index] is 0 or 1);
            }

            if (field.ContactPoint && comparison.PersonConflict && weight > 0)
            {
                weight = 0;
            }

            weights[i] = weight;
            score += weight;
        }

        var trusted = comparison.PersonConflict || comparison.DifferentPartyTypes ? null : Trusted(comparison);
        var decision = comparison.DifferentPartyTypes ? LinkDecision.None
            : (score >= policy.LinkThreshold && !comparison.NamesOnly) || trusted is not null ? LinkDecision.Link
            : score >= policy.ReviewThreshold && !comparison.PersonConflict ? LinkDecision.Possible
            : sharedHomeContact && !comparison.IsOrganizationPair ? LinkDecision.Household
            : LinkDecision.None;
        if (decision == LinkDecision.None)
        {
            return new PairEvidence(decision, Math.Round(score, 3), [], []);
        }

        var comparisons = new List<FieldComparison>(MatchField.All.Count);
        for (var i = 0; i < weights.Length; i++)
        {
            var level = comparison.Levels[i];
            if (level >= 0)
            {
                var field = MatchField.All[i];
                comparisons.Add(new FieldComparison(field.Name, field.Levels[level], Math.Round(weights[i], 2), comparison.Values[i], comparison.OtherValues[i]));
            }
        }

        var rules = new List<string>();
        if (comparison.NamesSwapped)
        {
            rules.Add("names-swapped: the given and family names agree crosswise");
        }

        if (comparison.NamesOnly && decision != LinkDecision.Link)
        {
            rules.Add("names-only: nothing but the names agrees, which namesakes share");
        }

        if (comparison.PersonConflict)
        {
            rules.Add("person-conflict: given or family name, year of birth, national id or generation differ, so shared contact points do not count");
        }

        rules.Add(decision switch
        {
            LinkDecision.Link when trusted is not null && score < policy.LinkThreshold => $"trusted-identifier: {trusted} agrees exactly",
            LinkDecision.Link => string.Create(CultureInfo.InvariantCulture, $"probabilistic: score {score:0.0} >= link threshold {policy.LinkThreshold:0.0}"),
            LinkDecision.Possible => string.Create(CultureInfo.InvariantCulture, $"possible-match: score {score:0.0} between review threshold {policy.ReviewThreshold:0.0} and link threshold {policy.LinkThreshold:0.0}"),
            _ => "household: different people sharing an address, phone or email",
        });

        // The deciding rule first: it is what a member's link reason shows.
        rules.Reverse();
        return new PairEvidence(decision, Math.Round(score, 3), comparisons, rules);
    }

    private string? Trusted(PairComparison comparison)
    {
        foreach (var name in policy.TrustedIdentifiers)
        {
            var index = MatchField.IndexOf(name);
            if (index >= 0 && comparison.Levels[index] == 0)
            {
                return name;
            }
        }

        return null;
    }

    private double AdjustForFrequency(FieldModel field, double weight, string? value)
    {
        if (value is null || field.SingleShare <= 0)
        {
            return weight;
        }

        var share = field.TermFrequencies is not null && field.TermFrequencies.TryGetValue(value, out var known) ? known : field.SingleShare;
        var adjusted = Math.Log2(field.M[0] / share);
        return Math.Clamp(adjusted, weight - policy.MaxCommonValuePenalty, weight + policy.MaxRareValueBonus);
    }

    private static double[] Weights(FieldModel field) =>
        field.M.Zip(field.U, (m, u) => Math.Log2(Math.Max(m, 1e-6) / Math.Max(u, 1e-9))).ToArray();
}
