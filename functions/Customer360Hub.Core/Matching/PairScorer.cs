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
    // Field positions in the comparison vector, looked up once: MatchField.Index searches by name.
    private static readonly int Company = MatchField.Company.Index;
    private static readonly int Address = MatchField.Address.Index;
    private static readonly int Email = MatchField.Email.Index;
    private static readonly int Phone = MatchField.Phone.Index;
    private static readonly int FamilyName = MatchField.FamilyName.Index;
    private static readonly int City = MatchField.City.Index;
    private static readonly int Postcode = MatchField.Postcode.Index;
    private static readonly int Region = MatchField.Region.Index;
    private static readonly int StreetsDiffer = MatchField.Address.Levels.Count - 1;

    [ThreadStatic]
    private static PairComparison? t_scratch;

    private readonly double[][] _weights = model.Fields.Count == 0 ? [] : MatchField.All.Select(f => Weights(model.Fields[f.Name])).ToArray();
    private readonly FieldModel[] _fields = model.Fields.Count == 0 ? [] : MatchField.All.Select(f => model.Fields[f.Name]).ToArray();
    private readonly (string Name, int Index)[] _trusted = [.. policy.TrustedIdentifiers.Select(n => (n, MatchField.IndexOf(n))).Where(t => t.Item2 >= 0)];

    /// <summary>The name of the contacts comparison in explanations (organisations only).</summary>
    public const string ContactsField = "contacts";

    public MatchModel Model => model;

    public MatchPolicy Policy => policy;

    /// <param name="withComparisons">False: leave out the field-by-field evidence (the decision, score and rules are the same).</param>
    /// <param name="contacts">For two organisations: what their contacts say (see <see cref="ContactOverlap"/>).</param>
    public PairEvidence Score(MatchFeatures a, MatchFeatures b, bool withComparisons = true, ContactOverlap? contacts = null)
    {
        if (withComparisons)
        {
            return Score(PairComparer.Compare(a, b), withComparisons, contacts);
        }

        // Without comparisons the evidence keeps nothing of the comparison: one per thread serves every pair.
        var scratch = t_scratch ??= new PairComparison(MatchField.All.Count);
        return Score(PairComparer.Compare(a, b, scratch), withComparisons, contacts);
    }

    public PairEvidence Score(PairComparison comparison, bool withComparisons = true, ContactOverlap? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Span<double> weights = stackalloc double[MatchField.All.Count];
        var score = model.PriorWeight;
        var contactWeight = comparison.IsOrganizationPair && contacts is { Contacts: > 0, OtherContacts: > 0 } c
            ? c.Shared > 0 ? policy.SharedContactWeight : policy.NoSharedContactWeight
            : (double?)null;
        score += contactWeight ?? 0;
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
                weight = AdjustForFrequency(_fields[i], weight, comparison.Values[i]);
                // An address shared by two people of one employer (same company or company email
                // domain) is their workplace, not a home.
                var sameEmployer = comparison.Levels[Company] is 0 or 1 or 2;
                sharedHomeContact |= (i == Address && !sameEmployer) || i == Email || (i == Phone && comparison.Levels[FamilyName] is 0 or 1);
            }

            if ((weight > 0 && Discounted(field, i, comparison)) || CountedWithTheStreet(i, comparison))
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

        if (withComparisons && contactWeight is { } bits && contacts is { } overlap)
        {
            comparisons.Add(new FieldComparison(
                ContactsField,
                overlap.Shared > 0 ? "shared" : "none-shared",
                Math.Round(bits, 2),
                string.Create(CultureInfo.InvariantCulture, $"{overlap.Shared} of {overlap.Contacts} contacts shared"),
                string.Create(CultureInfo.InvariantCulture, $"{overlap.Shared} of {overlap.OtherContacts} contacts shared")));
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
    /// different by their person-level fields share anyway (a home, an employer), and what a
    /// father and a son of the same name share when only one record carries the generation (Jr, Sr).
    /// </summary>
    private static bool Discounted(MatchField field, int index, PairComparison comparison) =>
        (comparison.PersonConflict && (field.ContactPoint || index == Company))
        || (comparison.GenerationOneSided && field.ContactPoint && index != Email);

    /// <summary>
    /// The parts of an address are one piece of evidence, not several: when both street
    /// addresses are known and differ, the city, postcode and region say nothing more (a person
    /// who moved is not three times less likely to be the same person, a neighbour not three
    /// times more); the region says nothing more once the cities were compared.
    /// </summary>
    private static bool CountedWithTheStreet(int field, PairComparison comparison)
    {
        var streetsDiffer = comparison.Levels[Address] == StreetsDiffer;
        return (streetsDiffer && (field == City || field == Postcode || field == Region))
            || (field == Region && comparison.Levels[City] >= 0);
    }

    private string? Trusted(PairComparison comparison)
    {
        foreach (var (name, index) in _trusted)
        {
            if (comparison.Levels[index] == 0)
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
