using Customer360Hub.Matching;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// The contacts of organisation records, as evidence that two records are one organisation: a
/// person record that names its organisation (<c>account_ref</c>) is indexed under
/// <c>acct:</c> + that record's key, so the people of an organisation record, and the profiles
/// they are in now, can be read. Two organisation records whose contacts share a profile are
/// candidates of each other whatever their names. Person profiles never depend on organisation
/// relations, so these relations follow the person profiles: when the profiles of contacts
/// change, their organisations are re-evaluated.
/// </summary>
internal sealed class OrganizationContacts(IdentityDocuments documents, Func<RecordHead, StoredDocument, MatchFeatures?> featuresOf)
{
    public const string KeyPrefix = "acct:";

    // An organisation with more contacts than this is read in part: enough to see shared people.
    private const int MaxContacts = 500;

    public static bool IsContactKey(string key) => key.StartsWith(KeyPrefix, StringComparison.Ordinal);

    /// <summary>The profiles its contact people are in now.</summary>
    public async Task<HashSet<string>> ProfilesOfAsync(string organizationKey, CancellationToken cancellationToken)
    {
        var profiles = new HashSet<string>(StringComparer.Ordinal);
        var page = await documents.Store.Documents.QueryAsync(Containers.Identity, KeyPrefix + organizationKey, new DocumentQuery(Limit: MaxContacts), cancellationToken).ConfigureAwait(false);
        foreach (var entry in page.Items)
        {
            if (await documents.HeadAsync(entry.Key.Id, cancellationToken).ConfigureAwait(false) is { Head: { Deleted: false, ProfileId: { } profileId } })
            {
                profiles.Add(profileId);
            }
        }

        return profiles;
    }

    /// <summary>The other organisation records named by people in those profiles.</summary>
    public async Task<SortedSet<string>> SharingAsync(string organizationKey, IEnumerable<string> profiles, CancellationToken cancellationToken)
    {
        var organizations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var profileId in profiles)
        {
            var profile = await documents.ProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
            foreach (var member in profile?.Document.Members ?? [])
            {
                if (await documents.HeadAsync(member.RecordKey, cancellationToken).ConfigureAwait(false) is { } found
                    && featuresOf(found.Head, found.Stored) is { AccountRef: { } account }
                    && account != organizationKey)
                {
                    organizations.Add(account);
                }
            }
        }

        return organizations;
    }
}
