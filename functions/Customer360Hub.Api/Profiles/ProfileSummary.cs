namespace Customer360Hub.Api.Profiles;

/// <summary>A search result: the profile's id and the golden fields that tell people apart (scoped like the profile).</summary>
public sealed record ProfileSummary(string Id, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Fields);
