using System.Globalization;
using Customer360Hub.Profiles;

namespace Customer360Hub.Matching;

/// <summary>
/// Fellegi-Sunter scoring with guard rails. Each compared field adds log2(m/u) of its level; an
/// exact agreement is weighted by how rare the shared value is. Trusted identifiers (national
/// id, personal email) link on their own unless the person-level fields disagree. When given
/// name, date of birth, national id or generation say "different people", shared contact points
/// (address, phone, email, area) and a shared employer no longer count towards a link: such a
/// pair is a household at most, never one profile on what a family or co-workers share. Names
/// alone never link: something else (a date of birth, a contact point, an identifier) must agree too.
/// </summary>
public sealed class PairScorer(MatchModel model, MatchPolicy policy)
{
    private readonly double[][] _weights = model.Fields.Count == 0 ? [] : MatchField.All.Select(f => Weights(model.Fields[f.Name])).ToArray();

    public MatchModel Model => model;

    public MatchPolicy Policy => policy;

    /// <param name="withComparisons">False: leave out the field-by-field evidence (the decision, score and rules are the same).</param>
    public PairEvidence Score(MatchFeatures a, MatchFeatures b, bool withComparisons = true)
    {
        var comparison = PairComparer.Compare(a, b);
        return Score(comparison, withComparisons);
    }

    public PairEvidence Score(PairComparison comparison, bool withComparisons = true)
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
                // An address shared by two people of one employer (same company or company email
                // domain) is their workplace, not a home.
                var sameEmployer = comparison.Levels[MatchField.Company.Index] is 0 or 1 or 2;
                sharedHomeContact |= (field == MatchField.Address && !sameEmployer) || field == MatchField.Email || (field == MatchField.Phone && comparison.Levels[MatchField.FamilyName.Index] is 0 or 1);
            }

            if (weight > 0 && Discounted(field, comparison))
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

        var comparisons = new List<FieldComparison>(withComparisons ? MatchField.All.Count : 0);
        for (var i = 0; i < weights.Length && withComparisons; i++)
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

    /// <summary>
    /// Agreement that says nothing about whether the two are one person: what people who are
    /// different by their person-level fields share anyway (a home, an employer); what a father
    /// and a son of the same name share when only one record carries the generation (Jr, Sr);
    /// and the parts of an address (city, postcode, region) when the street addresses differ or
    /// a finer part already agreed, so one address is not counted several times.
    /// </summary>
    private static bool Discounted(MatchField field, PairComparison comparison)
    {
        if (comparison.PersonConflict && (field.ContactPoint || field == MatchField.Company))
        {
            return true;
        }

        if (comparison.GenerationOneSided && field.ContactPoint && field != MatchField.Email)
        {
            return true;
        }

        var streetsDiffer = comparison.Levels[MatchField.Address.Index] == MatchField.Address.Levels.Count - 1;
        return (streetsDiffer && (field == MatchField.City || field == MatchField.Postcode || field == MatchField.Region))
            || (field == MatchField.Region && comparison.Levels[MatchField.City.Index] >= 0);
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
