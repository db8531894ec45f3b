namespace Customer360Hub.Profiles;

/// <summary>
/// The golden profile of one customer (container <c>profiles</c>, partition = id). A merged-away
/// profile keeps only <see cref="RedirectTo"/>, so old ids keep working.
/// </summary>
public sealed record GoldenProfile
{
    public required string Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set when this profile was merged into another: the survivor's id.</summary>
    public string? RedirectTo { get; init; }

    public List<ProfileMember> Members { get; init; } = [];

    /// <summary>The household the profile belongs to with other profiles (container <c>households</c>); null when none.</summary>
    public string? HouseholdId { get; init; }

    /// <summary>Golden values by canonical field name.</summary>
    public Dictionary<string, GoldenValue> Fields { get; init; } = [];

    /// <summary>Every distinct email seen on member records, primary first.</summary>
    public List<string> Emails { get; init; } = [];

    /// <summary>Source systems contributing to the profile.</summary>
    public List<string> Sources { get; init; } = [];

    /// <summary>Transactions linked to the profile, by kind.</summary>
    public Dictionary<string, int> TransactionCounts { get; init; } = [];

    /// <summary>The latest pull time among contributing changes: the freshness clock.</summary>
    public DateTimeOffset LastPulledAt { get; init; }

    public required EngineInfo Engine { get; init; }
}
