namespace Customer360Hub.Auditing;

/// <summary>
/// A window of the audit trail, optionally narrowed to one profile or one caller.
/// <paramref name="Cursor"/> is the <see cref="AuditPage.NextCursor"/> of the previous page.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    string? ProfileId = null,
    string? Caller = null,
    int Limit = 100,
    string? Cursor = null);
