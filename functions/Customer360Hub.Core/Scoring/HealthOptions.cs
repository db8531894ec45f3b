using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Scoring;

/// <summary>
/// Section <c>Scoring:Health</c>: the health model. Unset lists take the defaults below (the binder
/// would append to pre-filled lists, so defaults live in the <c>Effective…</c> methods).
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Scoring:Health";

    /// <summary>Scores from here up are green.</summary>
    [Range(1, 100)]
    public int GreenFrom { get; set; } = 70;

    /// <summary>Scores from here up (below <see cref="GreenFrom"/>) are yellow; below, red.</summary>
    [Range(1, 100)]
    public int YellowFrom { get; set; } = 45;

    /// <summary>Segments in order; empty means enterprise, smb, consumer (see <see cref="EffectiveSegments"/>).</summary>
    public List<SegmentOptions> Segments { get; set; } = [];

    /// <summary>Curves per metric, replacing the defaults of <see cref="HealthMetrics.DefaultCurves"/>.</summary>
    public Dictionary<string, List<CurvePoint>> Curves { get; set; } = [];

    /// <summary>Health score to churn probability; empty means the defaults of <see cref="EffectiveChurnProbability"/>.</summary>
    public List<ChurnBand> ChurnProbability { get; set; } = [];

    /// <summary>The currency risk amounts, ARR thresholds and portfolio lists are expressed in.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string ReportingCurrency { get; set; } = "USD";

    /// <summary>Units of the reporting currency per unit of another currency (EUR: 1.08). Amounts in a currency without a rate stay out of converted totals.</summary>
    public Dictionary<string, decimal> ExchangeRates { get; set; } = [];

    /// <summary>How long daily snapshots are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SnapshotRetention { get; set; } = TimeSpan.FromDays(400);

    public IReadOnlyList<SegmentOptions> EffectiveSegments() => Segments.Count > 0 ? Segments : DefaultSegments;

    public IReadOnlyList<CurvePoint> CurveOf(string metric) =>
        Curves.TryGetValue(metric, out var curve) && curve.Count > 0 ? curve : HealthMetrics.DefaultCurves[metric];

    public IReadOnlyList<ChurnBand> EffectiveChurnProbability() => ChurnProbability.Count > 0 ? ChurnProbability : DefaultChurnProbability;

    /// <summary>
    /// A starting calibration: replace it with the churn rates you observe per score band (the
    /// health benchmark prints them for the sandbox world).
    /// </summary>
    public static IReadOnlyList<ChurnBand> DefaultChurnProbability { get; } =
    [
        new() { UpTo = 30, Probability = 0.6 },
        new() { UpTo = 45, Probability = 0.35 },
        new() { UpTo = 60, Probability = 0.15 },
        new() { UpTo = 75, Probability = 0.06 },
        new() { UpTo = 100, Probability = 0.02 },
    ];

    public static IReadOnlyList<SegmentOptions> DefaultSegments { get; } =
    [
        new()
        {
            Name = "enterprise", PartyType = "organization", MinArr = 100_000m,
            Weights = new() { ["usage"] = 25, ["support"] = 20, ["payment"] = 15, ["engagement"] = 20, ["contract"] = 10, ["sentiment"] = 10 },
        },
        new()
        {
            Name = "smb", PartyType = "organization",
            Weights = new() { ["usage"] = 30, ["support"] = 15, ["payment"] = 20, ["engagement"] = 15, ["contract"] = 10, ["sentiment"] = 10 },
        },
        new()
        {
            Name = "consumer",
            Weights = new() { ["usage"] = 35, ["support"] = 20, ["payment"] = 25, ["engagement"] = 5, ["contract"] = 5, ["sentiment"] = 10 },
        },
    ];

    public string BandOf(int? score) => score switch
    {
        null => HealthBands.Unknown,
        var s when s >= GreenFrom => HealthBands.Green,
        var s when s >= YellowFrom => HealthBands.Yellow,
        _ => HealthBands.Red,
    };
}
