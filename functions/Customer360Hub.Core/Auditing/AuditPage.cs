namespace Customer360Hub.Auditing;

/// <summary>A page of audit records, oldest first; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, string? NextCursor);
