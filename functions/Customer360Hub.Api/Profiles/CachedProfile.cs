using System.Collections.Concurrent;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// One version of a profile (identified by the ETags of its profile, score and aggregates documents)
/// rendered once as the full JSON view, plus its scoped renderings by group mask. Any write to those
/// documents changes an ETag (and, in a store that counts writes, the count); the account a contact
/// belongs to is checked on every read and the clock-dependent parts expire at
/// <see cref="ValidUntil"/>, so a stale view is never served.
/// </summary>
internal sealed record CachedProfile(
    ProfileVersionTag Version,
    string? Owner,
    string? AccountRef,
    string? AccountId,
    DateTimeOffset ValidUntil,
    byte[] FullView,
    WriteCounts? WriteCounts)
{
    public ConcurrentDictionary<ulong, ScopedView> Scoped { get; private init; } = new();

    /// <summary>The same rendering, confirmed current at newer write counts.</summary>
    public CachedProfile WithWriteCounts(WriteCounts? counts) => this with { WriteCounts = counts, Scoped = new ConcurrentDictionary<ulong, ScopedView>(Scoped) };
}
