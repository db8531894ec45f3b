namespace Customer360Hub.Profiles;

/// <summary>How current one source's view of a profile is: its newest change and when the hub pulled it.</summary>
public sealed record SourceFreshness(DateTimeOffset LastModifiedAt, DateTimeOffset LastPulledAt);
