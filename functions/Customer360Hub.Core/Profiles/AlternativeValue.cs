namespace Customer360Hub.Profiles;

/// <summary>A value that lost survivorship, with where it came from.</summary>
public sealed record AlternativeValue(string Value, string Source, string RecordId, DateTimeOffset ObservedAt)
{
    public string? EntityType { get; init; }
}
