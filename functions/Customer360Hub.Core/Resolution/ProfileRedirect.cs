namespace Customer360Hub.Resolution;

/// <summary>
/// A stored <see cref="Profiles.GoldenProfile"/> read for where it leads only: resolving a
/// reference needs the live profile's id, and decoding the whole profile for that cost more than
/// the rest of the lookup.
/// </summary>
public sealed record ProfileRedirect(string Id, string? RedirectTo);
