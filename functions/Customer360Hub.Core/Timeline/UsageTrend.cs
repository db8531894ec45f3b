using System.Globalization;

namespace Customer360Hub.Timeline;

/// <summary>
/// Usage in the last 30 and 90 days against the period before each; a trend is the relative
/// change (0.25 = up 25%), null when the earlier period had no usage.
/// </summary>
public sealed record UsageTrend(decimal Last30Days, decimal Previous30Days, double? Trend30Days, decimal Last90Days, decimal Previous90Days, double? Trend90Days)
{
    public static UsageTrend Of(IReadOnlyDictionary<string, decimal> usageByDay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(usageByDay);
        decimal Window(int fromDaysAgo, int toDaysAgo)
        {
            // Days (today - fromDaysAgo, today - toDaysAgo]; today counts in the latest window.
            var from = today.AddDays(-fromDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = today.AddDays(-toDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return usageByDay.Where(d => string.CompareOrdinal(d.Key, from) > 0 && string.CompareOrdinal(d.Key, to) <= 0).Sum(d => d.Value);
        }

        var last30 = Window(30, 0);
        var previous30 = Window(60, 30);
        var last90 = Window(90, 0);
        var previous90 = Window(180, 90);
        return new UsageTrend(last30, previous30, Trend(last30, previous30), last90, previous90, Trend(last90, previous90));
    }

    private static double? Trend(decimal current, decimal previous) =>
        previous == 0 ? null : Math.Round((double)((current - previous) / previous), 3);
}
