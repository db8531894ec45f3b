namespace Customer360Hub.Profiles;

/// <summary>
/// A golden value with its lineage: the record it came from, when the source observed it and the
/// rule that made it win. <see cref="Alternatives"/> keeps the values that lost, best first.
/// </summary>
public sealed record GoldenValue(string Value, string Source, string RecordId, DateTimeOffset ObservedAt, string Rule)
{
    public List<AlternativeValue>? Alternatives { get; init; }
}
