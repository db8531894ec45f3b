namespace Customer360Hub.Profiles;

/// <summary>A record or value the hub refused, with the reason (container <c>quarantine</c>, partition = source).</summary>
public sealed record QuarantinedRecord(string Source, string EntityType, string? RecordId, string Reason, string? RawRef, DateTimeOffset QuarantinedAt);
