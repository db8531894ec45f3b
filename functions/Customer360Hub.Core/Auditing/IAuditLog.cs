namespace Customer360Hub.Auditing;

/// <summary>
/// The audit trail port: append-only records of who read or changed which profile.
/// Embedded: SQLite in the data folder. Azure: append blobs.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends the records; they are durable when the task completes.</summary>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Records in the time window matching the filters, oldest first, one page at a time.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
