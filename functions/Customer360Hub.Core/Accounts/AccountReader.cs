using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;

namespace Customer360Hub.Accounts;

/// <summary>
/// Reads the B2B and B2C structure around profiles: an account's contacts (with roles), parent and
/// children, a person's account, a household's members. Resolved at read time through the
/// reference index, so merges and splits on either side are reflected at once.
/// </summary>
public sealed class AccountReader(HubStore store, CustomerRefs refs)
{
    public async Task<AccountSnapshot?> GetAccountAsync(string profileId, CancellationToken cancellationToken = default)
    {
        var found = await store.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var account = found.Document;
        var contacts = new Dictionary<string, (GoldenProfile Profile, SortedSet<string> Roles)>(StringComparer.Ordinal);
        var children = new Dictionary<string, GoldenProfile>(StringComparer.Ordinal);
        foreach (var member in account.Members)
        {
            foreach (var link in await store.Refs.QueryAllAsync(member.RecordKey, cancellationToken).ConfigureAwait(false))
            {
                if (link.Document.Kind is not (RefLink.Contact or RefLink.Child)
                    || await ProfileOfRecordAsync(link.Document.RecordKey, cancellationToken).ConfigureAwait(false) is not { } profile
                    || profile.Id == account.Id)
                {
                    continue;
                }

                if (link.Document.Kind == RefLink.Child)
                {
                    children[profile.Id] = profile;
                    continue;
                }

                if (!contacts.TryGetValue(profile.Id, out var contact))
                {
                    contact = (profile, new SortedSet<string>(StringComparer.Ordinal));
                    contacts[profile.Id] = contact;
                }

                contact.Roles.UnionWith(link.Document.Roles ?? []);
            }
        }

        var parent = account.Fields.TryGetValue(CanonicalFields.ParentAccountRef, out var parentRef)
            ? await ProfileOfRecordAsync(parentRef.Value, cancellationToken).ConfigureAwait(false)
            : null;
        var aggregates = await store.Aggregates.GetAsync(new DocumentKey(account.Id, ProfileAggregates.DocumentId), cancellationToken).ConfigureAwait(false);
        return new AccountSnapshot(
            account,
            aggregates?.Document,
            contacts.Values.OrderBy(c => c.Profile.Fields.GetValueOrDefault(CanonicalFields.FullName)?.Value, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Profile.Id, StringComparer.Ordinal)
                .Select(c => new AccountContact(c.Profile, [.. c.Roles])).ToList(),
            parent?.Id == account.Id ? null : parent,
            children.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The profiles of an account's contacts, by id, without reading them: what scoring needs for
    /// every change to an account, where reading every contact's whole profile cost more than the score.
    /// </summary>
    public async Task<IReadOnlyList<string>> ContactIdsAsync(GoldenProfile account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in account.Members)
        {
            foreach (var link in await store.Refs.QueryAllAsync(member.RecordKey, cancellationToken).ConfigureAwait(false))
            {
                if (link.Document.Kind == RefLink.Contact
                    && await refs.ProfileOfRecordAsync(link.Document.RecordKey, cancellationToken).ConfigureAwait(false) is { } id
                    && id != account.Id)
                {
                    ids.Add(id);
                }
            }
        }

        return [.. ids];
    }

    /// <summary>The account profile a person is a contact of (from the golden <c>account_ref</c>), or null.</summary>
    public async Task<string?> AccountOfAsync(GoldenProfile person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Fields.TryGetValue(CanonicalFields.AccountRef, out var accountRef)
            ? await refs.ProfileOfRecordAsync(accountRef.Value, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public async Task<HouseholdSnapshot?> GetHouseholdAsync(string householdId, CancellationToken cancellationToken = default)
    {
        var members = new List<(GoldenProfile, DateTimeOffset)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in await store.Households.QueryAllAsync(householdId, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetProfileAsync(member.Document.ProfileId, cancellationToken).ConfigureAwait(false) is { } profile && seen.Add(profile.Document.Id))
            {
                members.Add((profile.Document, member.Document.Since));
            }
        }

        return members.Count == 0 ? null : new HouseholdSnapshot(householdId, members);
    }

    private async Task<GoldenProfile?> ProfileOfRecordAsync(string recordKey, CancellationToken cancellationToken) =>
        await refs.ProfileOfRecordAsync(recordKey, cancellationToken).ConfigureAwait(false) is { } id
            ? (await store.Profiles.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false))?.Document
            : null;
}
