namespace Customer360Hub.Profiles;

/// <summary>
/// One version of a profile's composed content (container <c>history</c>, partition = profile id,
/// id = <see cref="IdFor"/>), valid from <see cref="ValidFrom"/> until the next version. A
/// version without <see cref="Profile"/> marks the end: merged away (<see cref="RedirectTo"/>) or gone.
/// </summary>
public sealed record ProfileVersion
{
    public const string IdPrefix = "v:";

    public required string ProfileId { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    public GoldenProfile? Profile { get; init; }
    public string? RedirectTo { get; init; }

    /// <summary>Ids sort by time: 19 digits of UTC ticks.</summary>
    public static string IdFor(DateTimeOffset validFrom) =>
        IdPrefix + validFrom.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
