using System.Globalization;

namespace Customer360Hub.Scoring;

/// <summary>
/// A row of a portfolio list (container <c>portfolio</c>, partition = the list): the churn-risk list
/// ordered by risk amount and the expansion list ordered by confidence, both by id, so a list is
/// read in order a page at a time without scanning the portfolio.
/// </summary>
public sealed record PortfolioEntry
{
    public const string ChurnRiskList = "churnRisk";
    public const string ExpansionList = "expansion";

    public required string ProfileId { get; init; }
    public string? Name { get; init; }
    public required string Segment { get; init; }
    public int? Score { get; init; }
    public required string Band { get; init; }
    public decimal Arr { get; init; }
    public string? Currency { get; init; }
    public double? ChurnProbability { get; init; }
    public decimal? RiskAmount { get; init; }
    public string? Product { get; init; }
    public double? Confidence { get; init; }
    public required string Detail { get; init; }
    public required string NextStep { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }

    /// <summary>Largest amount first: the id holds the amount in minor units, inverted.</summary>
    public static string ChurnRiskId(decimal amount, string profileId)
    {
        const long max = 999_999_999_999_999;
        var cents = (long)Math.Clamp(Math.Round(amount * 100), 0, max);
        return "r:" + (max - cents).ToString("D15", CultureInfo.InvariantCulture) + "|" + profileId;
    }

    /// <summary>Most confident first.</summary>
    public static string ExpansionId(double confidence, string profileId)
    {
        var basisPoints = (int)Math.Clamp(Math.Round(confidence * 10000), 0, 10000);
        return "x:" + (10000 - basisPoints).ToString("D5", CultureInfo.InvariantCulture) + "|" + profileId;
    }

    public static string ListOf(string rowId) => rowId.StartsWith("r:", StringComparison.Ordinal) ? ChurnRiskList : ExpansionList;
}
