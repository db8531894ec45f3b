namespace Customer360Hub.Profiles;

/// <summary>
/// A subscription as the aggregates keep it: what is held, what it earns a month, when it renews,
/// and the usage its plan allows per day (when the source states it).
/// </summary>
public sealed record SubscriptionHolding(string? Product, decimal MonthlyAmount, string Currency, DateOnly? RenewsOn, decimal? UsageLimit = null);
