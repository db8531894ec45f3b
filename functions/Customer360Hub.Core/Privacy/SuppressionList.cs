using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;

namespace Customer360Hub.Privacy;

/// <summary>
/// The identifiers of erased people, hashed: a change whose record key, email, phone or customer
/// reference is on the list is dropped, so replays and later syncs never re-create the person.
/// </summary>
public sealed class SuppressionList(HubStore store, IdentifierHasher hasher, CustomerRefs refs)
{
    public const string RecordPrefix = "record:";

    /// <summary>The identifiers a change carries, in the normalised form the list hashes.</summary>
    public IReadOnlyList<string> IdentifiersOf(SourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var identifiers = new List<string> { RecordPrefix + change.RecordKey };
        if (change.Kind == RecordKind.Party)
        {
            if (CustomerRefs.EmailRef(change.Attributes.GetValueOrDefault(CanonicalFields.Email)) is { } email)
            {
                identifiers.Add(email);
            }

            if (refs.PhoneRef(change.Attributes.GetValueOrDefault(CanonicalFields.Phone), change.Attributes.GetValueOrDefault(CanonicalFields.Country)) is { } phone)
            {
                identifiers.Add(phone);
            }
        }
        else if (refs.Normalize(change.CustomerRef) is { } customerRef)
        {
            identifiers.Add(CustomerRefs.IsContactRef(customerRef) ? customerRef : RecordPrefix + customerRef);
        }

        return identifiers;
    }

    /// <summary>The list's keys for the identifiers a change carries.</summary>
    public IReadOnlyList<DocumentKey> KeysOf(SourceChange change) =>
        IdentifiersOf(change).Select(i => DocumentKey.Single(hasher.Hash(i))).ToList();

    /// <summary>
    /// Whether any key is on the list, read from committed state (never from a unit of work's
    /// buffer), so an erasure committed a moment ago is seen.
    /// </summary>
    public async Task<bool> AnyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return false;
        }

        var found = await store.Committed.ReadAsync(Containers.Suppression, keys, cancellationToken).ConfigureAwait(false);
        return found.Count > 0;
    }

    public Task<bool> IsSuppressedAsync(SourceChange change, CancellationToken cancellationToken = default) =>
        AnyAsync(KeysOf(change), cancellationToken);

    /// <summary>Writes that put the identifiers on the list.</summary>
    public IReadOnlyList<DocumentWrite> Suppress(IEnumerable<string> identifiers, string erasureId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        return identifiers.Distinct(StringComparer.Ordinal).Select(identifier =>
        {
            var hash = hasher.Hash(identifier);
            var kind = identifier[..identifier.IndexOf(':', StringComparison.Ordinal)];
            return store.Suppression.Upsert(DocumentKey.Single(hash), new SuppressionEntry(hash, kind, erasureId, at));
        }).ToList();
    }
}
