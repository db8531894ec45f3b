namespace Customer360Hub.Api.Profiles;

/// <summary>A page of search results; pass <paramref name="NextCursor"/> as <c>cursor</c> for the next page.</summary>
public sealed record SearchPage(IReadOnlyList<ProfileSummary> Items, string? NextCursor);
