using Customer360Hub.Scoring;

namespace Customer360Hub.Api.Scores;

/// <summary>The daily health summaries of a segment (or the whole portfolio when <see cref="Segment"/> is null), oldest first.</summary>
public sealed record PortfolioTrend(string? Segment, int Days, IReadOnlyList<PortfolioTrendPoint> Items);
