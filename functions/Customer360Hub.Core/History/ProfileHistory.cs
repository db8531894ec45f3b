using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.History;

/// <summary>
/// Effective-dated profile history: every composed version is kept with the time it became valid
/// (hub time: what the hub served from that moment), so a read as of a past moment sees the
/// profile as it was, merged-away ids included.
/// </summary>
public sealed class ProfileHistory(HubStore store, RetentionPolicy retention)
{
    private const int MaxRedirects = 8;

    /// <summary>The write that records <paramref name="profile"/> as the version valid from its <see cref="GoldenProfile.ValidFrom"/>.</summary>
    public DocumentWrite VersionWrite(GoldenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var version = new ProfileVersion { ProfileId = profile.Id, ValidFrom = profile.ValidFrom, Profile = profile };
        return store.History.Upsert(new DocumentKey(profile.Id, ProfileVersion.IdFor(profile.ValidFrom)), version) with { TimeToLive = retention.History };
    }

    /// <summary>Closes a profile's history: from <paramref name="at"/> on it redirects to <paramref name="redirectTo"/> or is gone.</summary>
    public async Task EndAsync(string profileId, string? redirectTo, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var (latest, _) = await store.History.QueryAsync(profileId, new DocumentQuery(Limit: 1, Descending: true, IdPrefix: ProfileVersion.IdPrefix), cancellationToken).ConfigureAwait(false);
        if (latest.Count == 0 || (latest[0].Document.Profile is null && latest[0].Document.RedirectTo == redirectTo))
        {
            return;
        }

        var end = new ProfileVersion { ProfileId = profileId, ValidFrom = at, RedirectTo = redirectTo };
        await store.Documents.WriteAsync(
            [store.History.Upsert(new DocumentKey(profileId, ProfileVersion.IdFor(at)), end) with { TimeToLive = retention.History }],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The profile as it was at <paramref name="asOf"/> (following merges as they were then); null when it did not exist.</summary>
    public async Task<GoldenProfile?> AsOfAsync(string profileId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var current = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            if (current?.Document is { RedirectTo: null } live && asOf >= (live.ValidFrom == default ? live.CreatedAt : live.ValidFrom))
            {
                // Not composed yet (ValidFrom unset): it exists since it was created.
                return live;
            }

            var (versions, _) = await store.History.QueryAsync(
                profileId,
                new DocumentQuery(Limit: 1, Descending: true, IdPrefix: ProfileVersion.IdPrefix, IdBelow: ProfileVersion.IdFor(asOf.AddTicks(1))),
                cancellationToken).ConfigureAwait(false);
            if (versions.Count == 0)
            {
                return null;
            }

            var version = versions[0].Document;
            if (version.Profile is not null)
            {
                return version.Profile;
            }

            if (version.RedirectTo is null)
            {
                return null;
            }

            profileId = version.RedirectTo;
        }

        throw new InvalidOperationException($"Profile redirects from '{profileId}' do not end.");
    }
}
