namespace Customer360Hub.Auditing;

/// <summary>
/// One audited request: who (caller and roles), what (operation, action, outcome), which
/// profiles and which field groups were disclosed or changed, when, and the correlation id.
/// Never carries personal data: lookups and searches record the kind of query, not its value.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Unique and sortable within one instant: time-ordered paging uses (<see cref="At"/>, <see cref="Id"/>).</summary>
    public required string Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The caller's stable name (API key name or token subject), never a secret.</summary>
    public required string Caller { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The API operation, e.g. <c>getProfile</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>See <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public IReadOnlyList<string> ProfileIds { get; init; } = [];

    public IReadOnlyList<string> FieldGroups { get; init; } = [];

    /// <summary>The HTTP status answered.</summary>
    public int Status { get; init; }

    /// <summary>Free-form, non-personal context: the query kind of a lookup, a steward's reason.</summary>
    public string? Detail { get; init; }
}
