using Customer360Hub.Api.Profiles;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Lookup;

/// <summary>
/// The API's read model for lookups and search, kept in the profile store (container
/// <c>lookup</c>): emails, E.164 phones, source ids and name/company tokens of every profile.
/// </summary>
public sealed class LookupIndex(IDocumentStore store, IOptions<LookupOptions> options)
{
    private const string StatePrefix = "state:";
    private const string StateId = "rows";

    public DocumentSet<LookupEntry> Entries { get; } = new(store, Containers.Lookup, ApiJsonContext.Default.LookupEntry);

    public DocumentSet<LookupState> States { get; } = new(store, Containers.Lookup, ApiJsonContext.Default.LookupState);

    public static DocumentKey StateKey(string profileId) => new(StatePrefix + profileId, StateId);

    /// <summary>The rows a profile should have in the index.</summary>
    public IReadOnlyDictionary<LookupRow, LookupEntry> RowsOf(GoldenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rows = new Dictionary<LookupRow, LookupEntry>();
        var plain = new LookupEntry(profile.Id);
        foreach (var email in profile.Emails.Append(profile.Fields.GetValueOrDefault(CanonicalFields.Email)?.Value))
        {
            if (LookupKeys.Email(email) is { } key)
            {
                rows[new LookupRow(key, profile.Id)] = plain;
            }
        }

        // Every phone of the profile (contact points are E.164 already) and the golden one.
        var region = LookupKeys.RegionOf(profile.Fields.GetValueOrDefault(CanonicalFields.Country)?.Value, options.Value.DefaultRegion);
        foreach (var phone in profile.ContactPoints.Phones.Select(p => p.Value).Append(profile.Fields.GetValueOrDefault(CanonicalFields.Phone)?.Value))
        {
            if (LookupKeys.E164(phone, region) is { } e164)
            {
                rows[new LookupRow(LookupKeys.Phone(e164), profile.Id)] = plain;
            }
        }

        foreach (var member in profile.Members)
        {
            var (source, _, recordId) = RecordKeys.Parse(member.RecordKey);
            rows[new LookupRow(LookupKeys.SourceId(source, recordId), profile.Id)] = plain;
        }

        AddTokens(rows, profile.Id, LookupKeys.NameKind, string.Join(' ',
            new[] { CanonicalFields.FullName, CanonicalFields.GivenName, CanonicalFields.FamilyName }.Select(f => profile.Fields.GetValueOrDefault(f)?.Value)));
        AddTokens(rows, profile.Id, LookupKeys.CompanyKind, profile.Fields.GetValueOrDefault(CanonicalFields.CompanyName)?.Value);
        return rows;
    }

    /// <summary>The distinct profiles under one exact key (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<string>> FindAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var (items, _) = await Entries.QueryAsync(key, new DocumentQuery(Limit: limit), cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.Document.ProfileId).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddTokens(Dictionary<LookupRow, LookupEntry> rows, string profileId, string kind, string? text)
    {
        var tokens = LookupKeys.Tokens(text);
        var entry = new LookupEntry(profileId, tokens);
        foreach (var token in tokens)
        {
            rows[new LookupRow(LookupKeys.TokenBucket(kind, token), LookupKeys.TokenRowId(token, profileId))] = entry;
        }
    }
}
