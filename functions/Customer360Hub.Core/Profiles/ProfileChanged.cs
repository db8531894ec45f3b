namespace Customer360Hub.Profiles;

/// <summary>Published on <c>profile-changes</c> after the resolver wrote a profile; the scorer listens.</summary>
public sealed record ProfileChanged(string ProfileId, string Reason, DateTimeOffset ChangedAt, DateTimeOffset PulledAt);
