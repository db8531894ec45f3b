namespace Customer360Hub.Scoring;

/// <summary>
/// The co-occurrence rules of the last batch run (container <c>portfolio</c>, partition
/// <c>rules</c>, id <see cref="DocumentId"/>), per segment, best first.
/// </summary>
public sealed record ExpansionRuleSet
{
    public const string Partition = "rules";
    public const string DocumentId = "cooccurrence";

    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Customers whose holdings were counted.</summary>
    public int Customers { get; init; }

    public Dictionary<string, List<ExpansionRule>> Segments { get; init; } = [];

    /// <summary>The best rule for a customer of <paramref name="segment"/> holding <paramref name="held"/>: the most confident rule whose product they hold and whose recommendation they do not.</summary>
    public ExpansionRule? Recommend(string segment, IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return Segments.TryGetValue(segment, out var rules)
            ? rules.FirstOrDefault(r => held.Contains(r.If, StringComparer.Ordinal) && !held.Contains(r.Then, StringComparer.Ordinal))
            : null;
    }
}
