namespace Customer360Hub.Profiles;

/// <summary>
/// The golden profile of one customer (container <c>profiles</c>, partition = id). Identity owns
/// <see cref="Members"/>, <see cref="RedirectTo"/> and <see cref="HouseholdId"/>; composition owns
/// the rest. Kept lean: timeline, aggregates and history live in their own containers. A
/// merged-away profile keeps only <see cref="RedirectTo"/>, so old ids keep working.
/// </summary>
public sealed record GoldenProfile
{
    public required string Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set when this profile was merged into another: the survivor's id.</summary>
    public string? RedirectTo { get; init; }

    public List<ProfileMember> Members { get; init; } = [];

    /// <summary>The household the person belongs to (grouped by identity resolution).</summary>
    public string? HouseholdId { get; init; }

    /// <summary>Golden values by canonical field name, each with lineage and the values that lost.</summary>
    public Dictionary<string, GoldenValue> Fields { get; init; } = [];

    /// <summary>Every distinct valid email on member records, primary first.</summary>
    public List<string> Emails { get; init; } = [];

    public ContactPoints ContactPoints { get; init; } = new();

    /// <summary>Consent per channel (<c>email</c>, <c>sms</c>, <c>phone</c>, <c>mail</c>): the most restrictive statement wins.</summary>
    public Dictionary<string, GoldenValue> Consent { get; init; } = [];

    /// <summary>Source systems contributing to the profile.</summary>
    public List<string> Sources { get; init; } = [];

    /// <summary>Per source: its newest change and pull time.</summary>
    public Dictionary<string, SourceFreshness> Freshness { get; init; } = [];

    /// <summary>Share of the configured completeness fields that have a golden value, 0..1.</summary>
    public double Completeness { get; init; }

    /// <summary>Member record keys whose transactions are linked here: composition re-links when <see cref="Members"/> differs.</summary>
    public List<string> LinkedMembers { get; init; } = [];

    /// <summary>Ids merged into this profile (their history is this person's history too).</summary>
    public List<string> MergedFrom { get; init; } = [];

    /// <summary>Since when the composed content is as it is (the start of the current history version).</summary>
    public DateTimeOffset ValidFrom { get; init; }

    /// <summary>The latest pull time among contributing changes: the freshness clock.</summary>
    public DateTimeOffset LastPulledAt { get; init; }

    public required EngineInfo Engine { get; init; }
}
