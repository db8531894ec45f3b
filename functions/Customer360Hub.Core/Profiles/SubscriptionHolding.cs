namespace Customer360Hub.Profiles;

/// <summary>An active subscription as the aggregates keep it: what is held, what it earns a month, when it renews.</summary>
public sealed record SubscriptionHolding(string? Product, decimal MonthlyAmount, string Currency, DateOnly? RenewsOn);
