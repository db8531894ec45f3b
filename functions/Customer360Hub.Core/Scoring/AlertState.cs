using System.Security.Cryptography;
using System.Text;

namespace Customer360Hub.Scoring;

/// <summary>
/// The de-duplication state of one alert condition of one profile (container <c>alerts</c>,
/// partition = profile id): one alert per condition until <see cref="Until"/>.
/// </summary>
public sealed record AlertState
{
    public required string ProfileId { get; init; }
    public required string Condition { get; init; }
    public required string Kind { get; init; }

    /// <summary>When this window's alert was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>No other alert for the condition before this time.</summary>
    public required DateTimeOffset Until { get; init; }

    /// <summary>Set once a notifier took the alert; until then the alert is retried.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>A worker is delivering it since then (others leave it alone for a while).</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>A store-safe id for a condition (conditions may hold record keys and product names).</summary>
    public static string IdFor(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var kind = condition.Split(':', 2)[0];
        return kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(condition)))[..24];
    }
}
