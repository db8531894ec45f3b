namespace Customer360Hub.Timeline;

/// <summary>A subscription's next renewal.</summary>
public sealed record Renewal(string? Product, DateOnly RenewsOn);
