using Customer360Hub.Profiles;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Survivorship;

/// <summary>
/// Chooses golden values from a profile's member records, group by group, with the configured
/// rule chain. The lineage names the record that won and the first rule that set it apart from
/// the best different value; the values that lost are kept as alternatives, best first.
/// </summary>
public sealed class SurvivorshipEngine
{
    public const string OnlyValue = "only-value";
    public const string AllAgree = "all-agree";
    public const string TieBreak = "tie-break";

    private readonly Dictionary<string, FieldGroupOptions> _groupOfField = new(StringComparer.Ordinal);
    private readonly FieldGroupOptions _default;

    public SurvivorshipEngine(IOptions<SurvivorshipOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _default = options.Value.EffectiveDefault();
        foreach (var group in options.Value.EffectiveGroups().Values)
        {
            foreach (var field in group.Fields)
            {
                _groupOfField[field] = group;
            }
        }
    }

    public static string RuleName(SurvivorshipRule rule) => rule switch
    {
        SurvivorshipRule.SourcePriority => "source-priority",
        SurvivorshipRule.MostRecent => "most-recent",
        SurvivorshipRule.MostFrequent => "most-frequent",
        SurvivorshipRule.MostComplete => "most-complete",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>Golden values for <paramref name="fields"/> (those the records carry), by field name.</summary>
    public Dictionary<string, GoldenValue> Decide(IReadOnlyList<SourceRecord> records, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(fields);
        var result = new Dictionary<string, GoldenValue>(StringComparer.Ordinal);
        var decided = new HashSet<FieldGroupOptions>();
        foreach (var field in fields)
        {
            if (_groupOfField.TryGetValue(field, out var group))
            {
                if (decided.Add(group))
                {
                    DecideGroup(group, records, result);
                }
            }
            else
            {
                DecideGroup(new FieldGroupOptions { Fields = [field], Rules = _default.Rules, SourcePriority = _default.SourcePriority, IgnoreEmpty = _default.IgnoreEmpty }, records, result);
            }
        }

        return result;
    }

    private static void DecideGroup(FieldGroupOptions group, IReadOnlyList<SourceRecord> records, Dictionary<string, GoldenValue> result)
    {
        var candidates = new List<Candidate>();
        foreach (var record in records)
        {
            var candidate = Candidate.Of(record, group.Fields);
            if (group.IgnoreEmpty ? candidate.Values.Count > 0 : candidate.Present)
            {
                candidates.Add(candidate);
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var frequency = candidates.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var comparisons = group.Rules.Select(rule => (Rule: rule, Compare: Comparison(rule, group, frequency))).ToList();
        candidates.Sort((a, b) =>
        {
            foreach (var (_, compare) in comparisons)
            {
                var order = compare(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return string.CompareOrdinal(a.Record.RecordKey, b.Record.RecordKey);
        });

        var winner = candidates[0];
        var runnerUp = candidates.Find(c => c.Key != winner.Key);
        var rule = runnerUp is null
            ? (candidates.Count == 1 ? OnlyValue : AllAgree)
            : comparisons.Where(c => c.Compare(winner, runnerUp) < 0).Select(c => RuleName(c.Rule)).FirstOrDefault() ?? TieBreak;

        foreach (var field in group.Fields)
        {
            if (!winner.Values.TryGetValue(field, out var value))
            {
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { Normalize(value) };
            List<AlternativeValue>? alternatives = null;
            foreach (var other in candidates)
            {
                if (other.Values.TryGetValue(field, out var otherValue) && seen.Add(Normalize(otherValue)))
                {
                    (alternatives ??= []).Add(new AlternativeValue(otherValue, other.Record.Source, other.Record.RecordId, other.Record.ModifiedAt) { EntityType = other.Record.EntityType });
                }
            }

            result[field] = new GoldenValue(value, winner.Record.Source, winner.Record.RecordId, winner.Record.ModifiedAt, rule) { EntityType = winner.Record.EntityType, Alternatives = alternatives };
        }
    }

    private static Comparison<Candidate> Comparison(SurvivorshipRule rule, FieldGroupOptions group, Dictionary<string, int> frequency) => rule switch
    {
        SurvivorshipRule.SourcePriority => (a, b) => Rank(group, a.Record.Source).CompareTo(Rank(group, b.Record.Source)),
        SurvivorshipRule.MostRecent => (a, b) => b.Record.ModifiedAt.UtcTicks.CompareTo(a.Record.ModifiedAt.UtcTicks),
        SurvivorshipRule.MostFrequent => (a, b) => frequency[b.Key].CompareTo(frequency[a.Key]),
        SurvivorshipRule.MostComplete => (a, b) => b.Values.Count != a.Values.Count ? b.Values.Count.CompareTo(a.Values.Count) : b.Length.CompareTo(a.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static int Rank(FieldGroupOptions group, string source)
    {
        var index = group.SourcePriority.FindIndex(s => string.Equals(s, source, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Case and spacing do not make a different value.</summary>
    public static string Normalize(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private sealed record Candidate(SourceRecord Record, Dictionary<string, string> Values, bool Present, string Key, int Length)
    {
        public static Candidate Of(SourceRecord record, List<string> fields)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var present = false;
            foreach (var field in fields)
            {
                if (record.Attributes.TryGetValue(field, out var raw))
                {
                    present = true;
                    if (!string.IsNullOrWhiteSpace(raw))
                    {
                        values[field] = raw.Trim();
                    }
                }
            }

            var key = string.Join('\u001f', fields.Select(f => values.TryGetValue(f, out var v) ? Normalize(v) : string.Empty));
            return new Candidate(record, values, present, key, values.Values.Sum(v => v.Length));
        }
    }
}
