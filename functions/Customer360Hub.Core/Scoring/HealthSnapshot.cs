using System.Globalization;

namespace Customer360Hub.Scoring;

/// <summary>
/// A profile's health on one day (container <c>health</c>, partition = profile id, id
/// <c>d:yyyy-MM-dd</c>): the latest score of the day with the day's high and low, and each
/// factor's points and metric's score, so later scores can say what changed.
/// </summary>
public sealed record HealthSnapshot
{
    public const string IdPrefix = "d:";

    public required string ProfileId { get; init; }
    public required DateOnly Day { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    public required string Segment { get; init; }
    public int? Score { get; init; }

    /// <summary>The highest score of the day (history shows the day's range).</summary>
    public int? High { get; init; }

    public int? Low { get; init; }
    public required string Band { get; init; }
    public double Confidence { get; init; }
    public decimal Arr { get; init; }
    public string? Currency { get; init; }
    public decimal? RiskAmount { get; init; }

    /// <summary>Points per factor with data.</summary>
    public Dictionary<string, double> Factors { get; init; } = [];

    /// <summary>Score (0 to 1) per metric measured.</summary>
    public Dictionary<string, double> Metrics { get; init; } = [];

    public static string IdFor(DateOnly day) => IdPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Id => IdFor(Day);

    /// <summary>The snapshot of <paramref name="day"/> after a new assessment; keeps the day's high and low.</summary>
    public static HealthSnapshot Of(string profileId, DateOnly day, DateTimeOffset at, HealthAssessment assessment, HealthSnapshot? sameDay)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var score = assessment.Score;
        return new HealthSnapshot
        {
            ProfileId = profileId,
            Day = day,
            TakenAt = at,
            Segment = assessment.Segment,
            Score = score,
            High = Max(score, sameDay?.High),
            Low = Min(score, sameDay?.Low),
            Band = assessment.Band,
            Confidence = assessment.Confidence,
            Arr = assessment.Arr,
            Currency = assessment.ArrCurrency,
            RiskAmount = assessment.RiskAmount,
            Factors = assessment.Factors.Where(f => !f.Missing).ToDictionary(f => f.Factor, f => f.Points, StringComparer.Ordinal),
            Metrics = assessment.Factors.SelectMany(f => f.Metrics).ToDictionary(m => m.Metric, m => m.Score, StringComparer.Ordinal),
        };
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
