namespace Customer360Hub.Profiles;

/// <summary>A golden field value with its lineage: where it came from and why it won.</summary>
public sealed record GoldenValue(string Value, string Source, string RecordId, DateTimeOffset ObservedAt, string Rule);
