using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Customer360Hub.Changes;
using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Resolution;

/// <summary>
/// Resolves a customer reference to the profile it belongs to right now, from state alone: a
/// record key follows that record's profile (and merge redirects); an <c>email:</c> or
/// <c>phone:</c> reference belongs to the first party record, by record key, that claims it.
/// Because nothing here remembers decisions, the answer is right whichever engine decided membership.
/// </summary>
public sealed class CustomerRefs(HubStore store, IOptions<QualityOptions> quality)
{
    public const string PhoneRefPrefix = "phone:";

    private const int MaxRedirects = 8;

    /// <summary>The reference in the form the index uses, or null when it cannot name anyone.</summary>
    public string? Normalize(string? customerRef)
    {
        var value = customerRef?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.StartsWith(RecordKeys.EmailRefPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return EmailRef(value[RecordKeys.EmailRefPrefix.Length..]);
        }

        return value.StartsWith(PhoneRefPrefix, StringComparison.OrdinalIgnoreCase)
            ? PhoneRef(value[PhoneRefPrefix.Length..], null)
            : value;
    }

    public static string? EmailRef(string? email) => EmailAddress.Normalize(email) is { } normalized ? RecordKeys.EmailRefPrefix + normalized : null;

    public string? PhoneRef(string? phone, string? country) =>
        PhoneFormat.ToE164(phone, country, quality.Value.DefaultPhoneRegion) is { } e164 ? PhoneRefPrefix + e164 : null;

    /// <summary>The live profile the reference belongs to, or null when nobody holds it yet.</summary>
    public async Task<string?> ResolveAsync(string customerRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerRef);
        if (!IsContactRef(customerRef))
        {
            return await ProfileOfRecordAsync(customerRef, cancellationToken).ConfigureAwait(false);
        }

        var (claims, _) = await store.Refs.QueryAsync(customerRef, new DocumentQuery(Limit: 50, IdPrefix: RefLink.Party + "|"), cancellationToken).ConfigureAwait(false);
        foreach (var claim in claims)
        {
            if (await ProfileOfRecordAsync(claim.Document.RecordKey, cancellationToken).ConfigureAwait(false) is { } profileId)
            {
                return profileId;
            }
        }

        return null;
    }

    /// <summary>The live profile a record belongs to, following merge redirects.</summary>
    /// <remarks>Reads only the heads of the record and the profiles: this runs for every transaction and re-link.</remarks>
    public async Task<string?> ProfileOfRecordAsync(string recordKey, CancellationToken cancellationToken = default)
    {
        var record = await ReadAsync(Containers.Records, recordKey, CoreJsonContext.Default.RecordHead, cancellationToken).ConfigureAwait(false);
        if (record is not { Deleted: false, ProfileId: { } profileId })
        {
            return null;
        }

        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            var profile = await ReadAsync(Containers.Profiles, profileId, CoreJsonContext.Default.ProfileRedirect, cancellationToken).ConfigureAwait(false);
            if (profile?.RedirectTo is not { } next)
            {
                return profile?.Id;
            }

            profileId = next;
        }

        throw new InvalidOperationException($"Profile redirects from '{profileId}' do not end.");
    }

    /// <summary>The reference's head (see <see cref="RefHead"/>); null when nothing was ever indexed under it.</summary>
    public Task<Versioned<RefHead>?> HeadAsync(string customerRef, CancellationToken cancellationToken = default) =>
        store.RefHeads.GetAsync(new DocumentKey(customerRef, RefHead.DocumentId), cancellationToken);

    /// <summary>The write that moves the head read by <see cref="HeadAsync"/> on, saying where its transactions are linked now.</summary>
    public DocumentWrite Bump(string customerRef, Versioned<RefHead>? head, string? linkedTo)
    {
        var key = new DocumentKey(customerRef, RefHead.DocumentId);
        return head is null
            ? store.RefHeads.Create(key, new RefHead(customerRef, 1) { LinkedTo = linkedTo })
            : store.RefHeads.Replace(key, head.Document with { Version = head.Document.Version + 1, LinkedTo = linkedTo }, head.ETag);
    }

    private async Task<T?> ReadAsync<T>(string container, string id, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var found = await store.Documents.ReadAsync(container, [DocumentKey.Single(id)], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : JsonSerializer.Deserialize(found[0].Body.Span, typeInfo);
    }

    public static bool IsContactRef(string customerRef) =>
        customerRef.StartsWith(RecordKeys.EmailRefPrefix, StringComparison.Ordinal) || customerRef.StartsWith(PhoneRefPrefix, StringComparison.Ordinal);
}
