namespace Customer360Hub.Api.Profiles;

/// <summary>The ETags of the documents a current profile view is rendered from.</summary>
internal readonly record struct ProfileVersionTag(string Profile, string? Score, string? Aggregates);
