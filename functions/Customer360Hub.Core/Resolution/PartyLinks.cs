using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Keeps the reference index in step with one party record: the emails and phones it claims (so
/// transactions referring to them find it), the account it is a contact of, with roles, and its
/// parent account. What the record claimed last is kept next to it, so a change or an erasure
/// can take exactly that out again. Transactions on references that changed are re-linked.
/// </summary>
public sealed class PartyLinks(HubStore store, CustomerRefs refs, TransactionLinker transactions)
{
    private const char Separator = '\u001f';

    /// <summary>Brings the record's claims up to date; returns the profiles whose timelines changed.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(string recordKey, CancellationToken cancellationToken = default)
    {
        var record = (await store.Records.GetAsync(DocumentKey.Single(recordKey), cancellationToken).ConfigureAwait(false))?.Document;
        var current = record is null || record.Deleted ? [] : ClaimsOf(record);
        var claimsKey = new DocumentKey(recordKey, RecordClaims.DocumentId);
        var stored = await store.Claims.GetAsync(claimsKey, cancellationToken).ConfigureAwait(false);
        var previous = stored?.Document.Claims ?? [];
        if (previous.Order(StringComparer.Ordinal).SequenceEqual(current.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return [];
        }

        var writes = new List<DocumentWrite>();
        foreach (var claim in previous.Except(current, StringComparer.Ordinal))
        {
            var (kind, partition, _) = Parse(claim);
            writes.Add(store.Refs.Delete(new DocumentKey(partition, RefLink.IdFor(kind, recordKey))));
        }

        foreach (var claim in current.Except(previous, StringComparer.Ordinal))
        {
            var (kind, partition, roles) = Parse(claim);
            writes.Add(store.Refs.Upsert(new DocumentKey(partition, RefLink.IdFor(kind, recordKey)), new RefLink(kind, recordKey) { Roles = roles }));
        }

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);

        // Contact references whose claimants changed may now belong to someone else; the record's
        // own key too when it went away. Re-linking before the claims document is written means a
        // crash in between repeats the re-link on the next delivery.
        var changed = previous.Concat(current).Except(previous.Intersect(current, StringComparer.Ordinal), StringComparer.Ordinal)
            .Select(c => Parse(c))
            .Where(c => c.Kind == RefLink.Party)
            .Select(c => c.Partition)
            .Append(recordKey)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var touched = await transactions.ReevaluateAsync(changed, cancellationToken).ConfigureAwait(false);

        var claims = new RecordClaims(recordKey, current);
        await store.Documents.WriteAsync(
            [current.Count == 0 ? store.Claims.Delete(claimsKey) : store.Claims.Upsert(claimsKey, claims)],
            cancellationToken).ConfigureAwait(false);
        return touched;
    }

    /// <summary>The contact references (<c>email:</c>, <c>phone:</c>) a record claims, from its stored claims.</summary>
    public async Task<IReadOnlyList<string>> ContactRefsOfAsync(string recordKey, CancellationToken cancellationToken = default)
    {
        var stored = await store.Claims.GetAsync(new DocumentKey(recordKey, RecordClaims.DocumentId), cancellationToken).ConfigureAwait(false);
        return stored?.Document.Claims.Select(c => Parse(c)).Where(c => c.Kind == RefLink.Party).Select(c => c.Partition).ToList() ?? [];
    }

    private List<string> ClaimsOf(SourceRecord record)
    {
        var a = record.Attributes;
        var claims = new List<string>();
        if (CustomerRefs.EmailRef(a.GetValueOrDefault(CanonicalFields.Email)) is { } email)
        {
            claims.Add(Claim(RefLink.Party, email, null));
        }

        if (refs.PhoneRef(a.GetValueOrDefault(CanonicalFields.Phone), a.GetValueOrDefault(CanonicalFields.Country)) is { } phone)
        {
            claims.Add(Claim(RefLink.Party, phone, null));
        }

        if (a.GetValueOrDefault(CanonicalFields.AccountRef)?.Trim() is { Length: > 0 } account && account != record.RecordKey)
        {
            claims.Add(Claim(RefLink.Contact, account, a.GetValueOrDefault(CanonicalFields.ContactRole)));
        }

        if (a.GetValueOrDefault(CanonicalFields.ParentAccountRef)?.Trim() is { Length: > 0 } parent && parent != record.RecordKey)
        {
            claims.Add(Claim(RefLink.Child, parent, null));
        }

        return claims;
    }

    private static string Claim(string kind, string partition, string? roles) =>
        string.Join(Separator, kind, partition, roles ?? string.Empty);

    private static (string Kind, string Partition, List<string>? Roles) Parse(string claim)
    {
        var parts = claim.Split(Separator);
        var roles = parts.Length > 2 && parts[2].Length > 0 ? parts[2].Split(',').ToList() : null;
        return (parts[0], parts[1], roles);
    }
}
