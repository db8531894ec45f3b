using Customer360Hub.Scoring;

namespace Customer360Hub.Api.Scores;

/// <summary>A page of the churn-risk or expansion list; pass <see cref="NextCursor"/> as <c>cursor</c> for the next (null: the end).</summary>
public sealed record PortfolioList(IReadOnlyList<PortfolioEntry> Items, string? NextCursor);
