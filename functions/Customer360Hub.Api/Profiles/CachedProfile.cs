using System.Collections.Concurrent;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// One version of a profile (identified by the ETags of its stored documents) rendered once as the
/// full JSON view, plus its scoped renderings by group mask. Any write to the profile or its score
/// changes an ETag (and, in a store that counts writes, the count), so a stale entry is never served.
/// </summary>
internal sealed class CachedProfile(string profileETag, string? scoreETag, string? owner, byte[] fullView, (long Profile, long Score)? writeCounts)
{
    public string ProfileETag { get; } = profileETag;

    public string? ScoreETag { get; } = scoreETag;

    public string? Owner { get; } = owner;

    public byte[] FullView { get; } = fullView;

    /// <summary>The store's write counts of the profile and score noted before they were read (stores that count writes).</summary>
    public (long Profile, long Score)? WriteCounts { get; } = writeCounts;

    public ConcurrentDictionary<ulong, ScopedView> Scoped { get; } = new();

    public bool IsCurrent(string profileETag, string? scoreETag) => ProfileETag == profileETag && ScoreETag == scoreETag;

    /// <summary>The same rendering, confirmed current at newer write counts.</summary>
    public CachedProfile WithWriteCounts((long Profile, long Score)? counts)
    {
        var copy = new CachedProfile(ProfileETag, ScoreETag, Owner, FullView, counts);
        foreach (var (mask, view) in Scoped)
        {
            copy.Scoped[mask] = view;
        }

        return copy;
    }
}
