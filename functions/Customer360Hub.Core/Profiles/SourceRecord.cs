using Customer360Hub.Changes;

namespace Customer360Hub.Profiles;

/// <summary>The latest accepted version of one source record (container <c>records</c>).</summary>
public sealed record SourceRecord
{
    public required string RecordKey { get; init; }
    public required string Source { get; init; }
    public required string EntityType { get; init; }
    public required string RecordId { get; init; }
    public required RecordKind Kind { get; init; }
    public required string SourceVersion { get; init; }
    public required DateTimeOffset ModifiedAt { get; init; }
    public bool Deleted { get; init; }
    public string? CustomerRef { get; init; }
    public string? RawRef { get; init; }
    public DateTimeOffset PulledAt { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];

    /// <summary>The profile the record belongs to (parties) or is linked to (transactions); null while unlinked.</summary>
    public string? ProfileId { get; init; }

    /// <summary>Match keys this record put into the identity index, so a change can take them out again.</summary>
    public List<string> MatchKeys { get; init; } = [];

    public static SourceRecord From(SourceChange change) => new()
    {
        RecordKey = change.RecordKey,
        Source = change.Source,
        EntityType = change.EntityType,
        RecordId = change.RecordId,
        Kind = change.Kind,
        SourceVersion = change.SourceVersion,
        ModifiedAt = change.ModifiedAt,
        Deleted = change.Operation == ChangeOperation.Delete,
        CustomerRef = change.CustomerRef,
        RawRef = change.RawRef,
        PulledAt = change.PulledAt,
        Attributes = new Dictionary<string, string>(change.Attributes, StringComparer.Ordinal),
    };

    /// <summary>True when <paramref name="change"/> is a newer version than this one (a delete wins a tie).</summary>
    public bool IsOlderThan(SourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var order = ChangeOrdering.Compare(ModifiedAt, SourceVersion, change.ModifiedAt, change.SourceVersion);
        return order < 0 || (order == 0 && !Deleted && change.Operation == ChangeOperation.Delete);
    }
}
