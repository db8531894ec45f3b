namespace Customer360Hub.Profiles;

/// <summary>
/// A household: people sharing a home (container <c>households</c>, partition = id). Identity
/// resolution groups households and writes this document; profiles point to it through
/// <see cref="GoldenProfile.HouseholdId"/>.
/// </summary>
public sealed record Household
{
    public required string Id { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public List<HouseholdMember> Members { get; init; } = [];

    /// <summary>Why these people form a household (for example the shared address key).</summary>
    public string? Rule { get; init; }
}
