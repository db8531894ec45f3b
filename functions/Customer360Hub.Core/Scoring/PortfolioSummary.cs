using System.Globalization;

namespace Customer360Hub.Scoring;

/// <summary>
/// The portfolio's health on a day by segment (container <c>portfolio</c>, partition
/// <see cref="Partition"/>, id <c>d:yyyy-MM-dd</c>), written by the daily snapshot job: the
/// series of these is the trend by segment.
/// </summary>
public sealed record PortfolioSummary
{
    public const string Partition = "summary";

    public required DateOnly Day { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    public required string Currency { get; init; }
    public required SegmentSummary Total { get; init; }
    public Dictionary<string, SegmentSummary> Segments { get; init; } = [];

    public static string IdFor(DateOnly day) => "d:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
