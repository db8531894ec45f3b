namespace Customer360Hub.Quality;

/// <summary>One source in the portfolio: profiles it contributes to, its newest change pulled, and whether that is too long ago.</summary>
public sealed record SourceQuality(int Profiles, DateTimeOffset LastPulledAt, bool Stale);
