namespace Customer360Hub.Profiles;

/// <summary>
/// A golden value with its lineage: the record it came from, when the source observed it and the
/// rule that made it win. <see cref="Alternatives"/> keeps the values that lost, best first.
/// </summary>
public sealed record GoldenValue(string Value, string Source, string RecordId, DateTimeOffset ObservedAt, string Rule)
{
    /// <summary>The entity type of the winning record, so <see cref="Source"/>/<see cref="EntityType"/>/<see cref="RecordId"/> is its record key.</summary>
    public string? EntityType { get; init; }

    public List<AlternativeValue>? Alternatives { get; init; }
}
