namespace Customer360Hub.Api.Profiles;

/// <summary>One source's freshness on a profile: stale when its newest record is older than the configured threshold.</summary>
public sealed record FreshnessView(DateTimeOffset LastModifiedAt, DateTimeOffset LastPulledAt, bool Stale);
