using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Scoring;

/// <summary>Section <c>Scoring:Signals</c>: when signals fire and how often they alert.</summary>
public sealed class SignalOptions
{
    public const string SectionName = "Scoring:Signals";

    /// <summary>A fall of at least this many points within <see cref="DropWindowDays"/> is a health drop.</summary>
    [Range(1, 100)]
    public int DropPoints { get; set; } = 20;

    [Range(1, 90)]
    public int DropWindowDays { get; set; } = 7;

    /// <summary>
    /// A drop that hinges on one record raises a data check first; if the drop is still there this
    /// long after the data check, the health drop alert follows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ConfirmDropAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Timeline entries the anomaly guard tries leaving out, newest first.</summary>
    [Range(1, 100_000)]
    public int GuardMaxEntries { get; set; } = 2000;

    [Range(1, 3650)]
    public int RenewalWindowDays { get; set; } = 90;

    [Range(1, 3650)]
    public int NoEngagementDays { get; set; } = 60;

    /// <summary>Peak daily usage of the last 7 days at or above this share of the plan's limit is near the limit.</summary>
    [Range(0.01, 10.0)]
    public double UsageLimitShare { get; set; } = 0.9;

    [Range(0.0, 1.0)]
    public double ChurnRiskMinProbability { get; set; } = 0.15;

    /// <summary>Signals that rest on the score need at least this confidence.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.3;

    /// <summary>A co-occurrence rule recommends when at least this share of similar holders of its product hold the other.</summary>
    [Range(0.01, 1.0)]
    public double ExpansionMinConfidence { get; set; } = 0.6;

    /// <summary>A co-occurrence rule needs at least this many similar customers holding its product.</summary>
    [Range(1, 1_000_000)]
    public int ExpansionMinHolders { get; set; } = 5;

    /// <summary>Per signal kind: one alert per condition within this window. Unset kinds use <see cref="DefaultAlertWindows"/>.</summary>
    public Dictionary<string, TimeSpan> AlertWindows { get; set; } = [];

    /// <summary>Signal kinds that send alerts; empty: all.</summary>
    public List<string> AlertKinds { get; set; } = [];

    public static IReadOnlyDictionary<string, TimeSpan> DefaultAlertWindows { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        [SignalKinds.HealthDrop] = TimeSpan.FromDays(7),
        [SignalKinds.DataCheck] = TimeSpan.FromDays(7),
        [SignalKinds.ChurnRisk] = TimeSpan.FromDays(30),
        [SignalKinds.RenewalAtRisk] = TimeSpan.FromDays(30),
        [SignalKinds.NoEngagement] = TimeSpan.FromDays(30),
        [SignalKinds.UsageNearLimit] = TimeSpan.FromDays(30),
        [SignalKinds.Expansion] = TimeSpan.FromDays(90),
    };

    public TimeSpan AlertWindowOf(string kind) =>
        AlertWindows.TryGetValue(kind, out var window) ? window : DefaultAlertWindows.GetValueOrDefault(kind, TimeSpan.FromDays(7));

    public bool Alerts(string kind) => AlertKinds.Count == 0 || AlertKinds.Contains(kind, StringComparer.Ordinal);
}
