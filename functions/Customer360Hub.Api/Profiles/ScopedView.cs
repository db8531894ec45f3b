namespace Customer360Hub.Api.Profiles;

/// <summary>A profile rendered for one set of visible groups: the bytes sent, their ETag, and the groups they contain.</summary>
internal sealed record ScopedView(byte[] Body, string ETag, IReadOnlyList<string> Groups);
