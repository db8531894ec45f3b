namespace Customer360Hub.Api.Profiles;

/// <summary>A page of a profile's timeline, newest first; pass <paramref name="NextCursor"/> as <c>cursor</c> for the next page.</summary>
public sealed record TimelinePage(string ProfileId, IReadOnlyList<TimelineItem> Items, string? NextCursor);
