namespace Customer360Hub.Scoring;

/// <summary>A page of a portfolio list; pass <see cref="ContinuationToken"/> back for the next one (null: the end).</summary>
public sealed record PortfolioPage(IReadOnlyList<PortfolioEntry> Items, string? ContinuationToken);
