using Customer360Hub.Scoring;

namespace Customer360Hub.Profiles;

/// <summary>
/// A profile's current health (container <c>scores</c>, partition = profile id): the score with its
/// factor contributions, the change since the last daily snapshot in words, the signals with their
/// next steps, and the churn risk. An account's score covers its contacts' activity too.
/// </summary>
public sealed record ProfileScore
{
    public const string CurrentModel = "health-v1";

    public required string ProfileId { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }
    public required string Model { get; init; }

    /// <summary>The segment whose model scored the profile.</summary>
    public required string Segment { get; init; }

    /// <summary>0 to 100; null when no factor had data.</summary>
    public int? Score { get; init; }

    public required string Band { get; init; }

    /// <summary>Share of the segment's factor weight that had data, 0 to 1.</summary>
    public double Confidence { get; init; }

    public List<FactorContribution> Factors { get; init; } = [];

    /// <summary>Against the last snapshot of an earlier day.</summary>
    public ScoreChange? Change { get; init; }

    public List<HealthSignal> Signals { get; init; } = [];

    public double? ChurnProbability { get; init; }

    /// <summary>ARR in <see cref="Currency"/> (the reporting currency when convertible).</summary>
    public decimal Arr { get; init; }

    public string? Currency { get; init; }

    /// <summary>ARR × churn probability.</summary>
    public decimal? RiskAmount { get; init; }

    /// <summary>Products held (active subscriptions and products bought): what co-occurrence rules read.</summary>
    public List<string> Products { get; init; } = [];

    /// <summary>Contact profiles whose activity counts in this account's score.</summary>
    public int Contacts { get; init; }

    /// <summary>The display name (for portfolio lists).</summary>
    public string? Name { get; init; }

    /// <summary>Ids of this profile's rows in the portfolio lists, so the next pass can remove them.</summary>
    public List<string> PortfolioRows { get; init; } = [];
}
