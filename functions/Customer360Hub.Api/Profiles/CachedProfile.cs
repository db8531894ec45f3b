using System.Collections.Concurrent;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// One version of a profile (identified by the ETags of its stored documents) rendered once as the
/// full JSON view, plus its scoped renderings by group mask. Any write to the profile or its score
/// changes an ETag, so a stale entry is never served.
/// </summary>
internal sealed class CachedProfile(string profileETag, string? scoreETag, string? owner, byte[] fullView)
{
    public string ProfileETag { get; } = profileETag;

    public string? ScoreETag { get; } = scoreETag;

    public string? Owner { get; } = owner;

    public byte[] FullView { get; } = fullView;

    public ConcurrentDictionary<ulong, ScopedView> Scoped { get; } = new();

    public bool IsCurrent(string profileETag, string? scoreETag) => ProfileETag == profileETag && ScoreETag == scoreETag;
}
