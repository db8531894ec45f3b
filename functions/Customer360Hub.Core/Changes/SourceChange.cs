namespace Customer360Hub.Changes;

/// <summary>
/// One change to one record in a source system: the envelope every connector emits and the
/// resolver consumes. On the bus it travels as a CloudEvents 1.0 JSON event
/// (<see cref="SourceChangeSerializer"/>).
/// </summary>
public sealed record SourceChange
{
    /// <summary>Deterministic idempotency id (<see cref="IdempotencyId"/>): a resend has the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Source system name, e.g. <c>stripe</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The source's own entity type, e.g. <c>customer</c> or <c>salesInvoice</c>.</summary>
    public required string EntityType { get; init; }

    public required RecordKind Kind { get; init; }

    /// <summary>The record's id inside the source system.</summary>
    public required string RecordId { get; init; }

    /// <summary>The source's version of the record (ETag, revision, or modification stamp).</summary>
    public required string SourceVersion { get; init; }

    /// <summary>When the source says the record last changed; orders versions of one record.</summary>
    public required DateTimeOffset ModifiedAt { get; init; }

    public required ChangeOperation Operation { get; init; }

    /// <summary>When the connector pulled the change; the start of the freshness clock.</summary>
    public DateTimeOffset PulledAt { get; init; }

    /// <summary>Where the raw payload is archived (raw archive reference plus item index).</summary>
    public string? RawRef { get; init; }

    /// <summary>
    /// For transactions: the party the record belongs to, either a record key
    /// (<c>source/entityType/recordId</c>) or <c>email:address</c>.
    /// </summary>
    public string? CustomerRef { get; init; }

    /// <summary>Canonical attributes (<see cref="CanonicalFields"/>); absent means unknown.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = EmptyAttributes;

    /// <summary>The record's key across the hub: <c>source/entityType/recordId</c>.</summary>
    public string RecordKey => RecordKeys.Of(Source, EntityType, RecordId);

    /// <summary>Changes with the same partition key are delivered in order.</summary>
    public string PartitionKey => Kind == RecordKind.Party ? RecordKey : CustomerRef ?? RecordKey;

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();
}
