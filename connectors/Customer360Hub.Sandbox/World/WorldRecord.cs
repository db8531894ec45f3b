namespace Customer360Hub.Sandbox.World;

/// <summary>
/// One record of one system as it stands now: a party or a transaction, when it was created and
/// last modified, its version, and whether it has been deleted. What a vendor API lists.
/// </summary>
public sealed record WorldRecord
{
    public required string Source { get; init; }

    public required string EntityType { get; init; }

    public required string RecordId { get; init; }

    public required string CustomerId { get; init; }

    public required int Unit { get; init; }

    public required int Slot { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    /// <summary>1 for a record as the history left it, one more for every change after the epoch.</summary>
    public long Version { get; init; } = 1;

    public bool Deleted { get; init; }

    public PartyView? Party { get; init; }

    public ActivityView? Activity { get; init; }

    public static WorldRecord Of(PartyView party, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new WorldRecord
        {
            Source = party.Source, EntityType = party.EntityType, RecordId = party.RecordId, CustomerId = party.CustomerId,
            Unit = party.Unit, Slot = party.Slot, CreatedAt = at, ModifiedAt = at, Party = party,
        };
    }

    public static WorldRecord Of(ActivityView activity, DateTimeOffset modifiedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new WorldRecord
        {
            Source = activity.Source, EntityType = activity.EntityType, RecordId = activity.RecordId, CustomerId = activity.CustomerId,
            // Created at its business date; modified in the order the world streams (see docs/sandbox.md).
            Unit = activity.Unit, Slot = activity.Slot, CreatedAt = activity.OccurredAt,
            ModifiedAt = modifiedAt, Activity = activity,
        };
    }
}
