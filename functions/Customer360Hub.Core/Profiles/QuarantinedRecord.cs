namespace Customer360Hub.Profiles;

/// <summary>
/// A record or value the hub refused, with the reason (container <c>quarantine</c>, partition =
/// source, id = <c>entityType/recordId</c>, for one value <c>entityType/recordId#field</c>).
/// </summary>
public sealed record QuarantinedRecord(string Source, string EntityType, string? RecordId, string Reason, string? RawRef, DateTimeOffset QuarantinedAt)
{
    /// <summary>For a refused value: the canonical field and the value as received.</summary>
    public string? Field { get; init; }

    public string? Value { get; init; }
}
