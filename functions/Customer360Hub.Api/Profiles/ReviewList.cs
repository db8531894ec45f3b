using Customer360Hub.Profiles;

namespace Customer360Hub.Api.Profiles;

/// <summary>The open possible matches a steward may decide, strongest first.</summary>
public sealed record ReviewList(IReadOnlyList<ReviewItem> Items);
