namespace Customer360Hub.Scoring;

/// <summary>A segment's (or the whole portfolio's) health on one day of the trend.</summary>
public sealed record PortfolioTrendPoint(DateOnly Day, SegmentSummary Summary);
