using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// Profile reads: by id (current with ETags, with lineage on request, or as of a past moment),
/// lookup (email, phone, source id), search (name, company) and timeline. Every response is scoped
/// to the caller's field groups before it is written and records what it disclosed for the audit trail.
/// </summary>
public sealed class ProfileHandlers
{
    public const int MaxTimelinePage = 200;
    public const int MaxSearchPage = 100;
    private const int MaxStoreCalls = 10;
    private const int MaxQueryLength = 200;

    /// <summary>Timeline entries looked at per request at most, so a rare kind filter cannot make one request scan a whole timeline.</summary>
    private const int MaxTimelineScan = 2000;

    private readonly HubStore _store;
    private readonly FieldScopePolicy _policy;
    private readonly LookupIndex _index;
    private readonly ProfileRenderer _renderer;
    private readonly LookupOptions _lookup;

    internal ProfileHandlers(HubStore store, FieldScopePolicy policy, LookupIndex index, ProfileRenderer renderer, IOptions<LookupOptions> lookup)
    {
        _store = store;
        _policy = policy;
        _index = index;
        _renderer = renderer;
        _lookup = lookup.Value;
    }

    public Task<IResult> GetProfileAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = ProfileId(request.Route("id"));
        var lineage = request.QueryBool("lineage");
        if (lineage && !_policy.Sees(_policy.MaskFor(request.Caller), FieldGroups.Lineage))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "Not allowed for this role.", "The caller's role may not see lineage (the lineage field group).");
        }

        var asOfText = request.Query("asOf");
        if (asOfText is null)
        {
            return _renderer.CurrentAsync(request, id, lineage, contentLocation: false);
        }

        return DateTimeOffset.TryParse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var asOf)
            ? _renderer.AsOfAsync(request, id, asOf, lineage)
            : throw ApiProblemException.BadRequest("asOf is not a time.", "Pass an ISO 8601 time such as 2026-03-01T00:00:00Z.");
    }

    public async Task<IResult> LookupAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = request.Query("email");
        var phone = request.Query("phone");
        var source = request.Query("source");
        var sourceId = request.Query("sourceId");
        var entityType = request.Query("entityType");
        var region = request.Query("region");
        var given = (email is null ? 0 : 1) + (phone is null ? 0 : 1) + (source is null && sourceId is null ? 0 : 1);
        if (given != 1)
        {
            throw ApiProblemException.BadRequest("A lookup needs exactly one query.", "Pass ?email=, ?phone= (with optional region=) or ?source=&sourceId= (with optional entityType=).");
        }

        if (region is not null && phone is null || entityType is not null && sourceId is null)
        {
            throw ApiProblemException.BadRequest("A qualifier was given without its query.", "region goes with phone; entityType goes with source and sourceId.");
        }

        var mask = _policy.MaskFor(request.Caller);
        IReadOnlyList<string> found;
        string kind;
        if (email is not null)
        {
            RequireVisible("profile.fields.email", mask, "email");
            var key = email.Length <= 320 ? LookupKeys.Email(email) : null;
            found = await _index.FindAsync(key ?? throw ApiProblemException.BadRequest("The email address is malformed.", "Pass a complete address such as jane@example.com."), 10, request.Aborted).ConfigureAwait(false);
            kind = "email";
        }
        else if (phone is not null)
        {
            RequireVisible("profile.fields.phone", mask, "phone");
            if (region is not null && (region.Length != 2 || !region.All(char.IsAsciiLetter)))
            {
                throw ApiProblemException.BadRequest("The region is malformed.", "Use a two-letter country code such as US or GB.");
            }

            var e164 = LookupKeys.E164(phone, region?.ToUpperInvariant() ?? _lookup.DefaultRegion)
                ?? throw ApiProblemException.BadRequest("The phone number is malformed.", "Pass it in E.164 (+14155550100) or national form with region=.");
            found = await _index.FindAsync(LookupKeys.Phone(e164), 10, request.Aborted).ConfigureAwait(false);
            kind = "phone";
        }
        else
        {
            found = await FindBySourceAsync(source, sourceId, entityType, request.Aborted).ConfigureAwait(false);
            kind = "sourceId";
        }

        request.AuditDetail = "lookup by " + kind;
        var profiles = await SurvivorsAsync(found, request.Aborted).ConfigureAwait(false);
        return profiles.Count switch
        {
            0 => throw ApiProblemException.NotFound($"No profile matches that {kind}."),
            1 => await _renderer.CurrentAsync(request, profiles[0], lineage: false, contentLocation: true).ConfigureAwait(false),
            _ => throw new ApiProblemException(StatusCodes.Status409Conflict, $"Several profiles match that {kind}.", "Use one of the profile ids.",
                new Dictionary<string, object?> { ["profileIds"] = profiles }),
        };
    }

    public async Task<IResult> SearchAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Query("name");
        var company = request.Query("company");
        if ((name is null) == (company is null))
        {
            throw ApiProblemException.BadRequest("A search needs exactly one of name or company.", "Pass ?name=jane%20doe or ?company=contoso.");
        }

        var limit = request.QueryInt("limit", 25, 1, MaxSearchPage);
        var continuation = Cursors.Decode(request.Query("cursor"));
        var (kind, text, path) = name is not null ? (LookupKeys.NameKind, name, "profile.fields.fullName") : (LookupKeys.CompanyKind, company!, "profile.fields.companyName");
        var mask = _policy.MaskWithoutOwnership(request.Caller);
        RequireVisible(path, mask, kind);
        var tokens = text.Length <= MaxQueryLength ? LookupKeys.Tokens(text) : [];
        if (tokens.Count == 0)
        {
            throw ApiProblemException.BadRequest("The search text is too short or too long.", $"Give at least one word of {LookupKeys.MinTokenLength} or more letters, at most {MaxQueryLength} characters in all.");
        }

        var scan = tokens.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        var ids = new List<string>();
        for (var call = 0; call < MaxStoreCalls && ids.Count < limit; call++)
        {
            (IReadOnlyList<Versioned<LookupEntry>> Items, string? Next) page;
            try
            {
                page = await _index.Entries.QueryAsync(
                    LookupKeys.TokenBucket(kind, scan),
                    new DocumentQuery(Limit: limit - ids.Count, IdPrefix: scan, ContinuationToken: continuation),
                    request.Aborted).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                throw Cursors.Invalid();
            }

            foreach (var row in page.Items)
            {
                var rowToken = row.Key.Id[..row.Key.Id.LastIndexOf('|')];
                var entryTokens = row.Document.Tokens ?? [];

                // A profile appears once: under its first token that matches, and only when every query word matches one of its tokens.
                var first = entryTokens.Where(t => t.StartsWith(scan, StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
                if (first == rowToken && tokens.All(q => entryTokens.Any(t => t.StartsWith(q, StringComparison.Ordinal))))
                {
                    ids.Add(row.Document.ProfileId);
                }
            }

            continuation = page.Next;
            if (continuation is null)
            {
                break;
            }
        }

        var profiles = await _store.Profiles.GetManyAsync(ids.Select(DocumentKey.Single).ToList(), request.Aborted).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(4096);
        var emitted = 0UL;
        var disclosed = new List<string>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var profile in profiles.Where(p => p.Document.RedirectTo is null))
            {
                using var json = JsonSerializer.SerializeToDocument(ProfileViews.ToSummary(profile.Document), ApiJsonContext.Default.ProfileSummary);
                if (_policy.TryWrite(writer, json.RootElement, ScopeRoots.Profile, mask, ref emitted))
                {
                    disclosed.Add(profile.Document.Id);
                }
            }

            writer.WriteEndArray();
            WriteCursor(writer, continuation);
            writer.WriteEndObject();
        }

        request.AuditDetail = "search by " + kind;
        request.Disclosed(disclosed, _policy.GroupNames(emitted));
        return Json(buffer.WrittenSpan.ToArray());
    }

    public async Task<IResult> GetTimelineAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = ProfileId(request.Route("id"));
        var limit = request.QueryInt("limit", 50, 1, MaxTimelinePage);
        var below = DecodeTimelineCursor(request.Query("cursor"));
        var kinds = ParseKinds(request.Query("kind"));
        var found = await _store.GetProfileAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
        if (found.Document.Id != id)
        {
            return ProfileRenderer.Redirect(request, found.Document.Id);
        }

        var mask = _policy.MaskFor(request.Caller, ProfileViews.OwnerOf(found.Document, _policy.OwnerField));
        var buffer = new ArrayBufferWriter<byte>(8192);
        var emitted = 0UL;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("profileId", id);
            writer.WriteStartArray("items");

            // Entries are read newest first below the cursor (the id of the last entry looked at);
            // filtered-out and hidden kinds are skipped, so a page may hold fewer than limit items
            // while nextCursor is still set.
            var written = 0;
            var scanned = 0;
            var more = true;
            while (written < limit && scanned < MaxTimelineScan)
            {
                var (page, next) = await _store.Timeline.QueryAsync(
                    id,
                    new DocumentQuery(Limit: kinds is null ? limit - written : 100, Descending: true, IdPrefix: TimelineEntry.IdPrefix, IdBelow: below),
                    request.Aborted).ConfigureAwait(false);
                var consumed = 0;
                foreach (var entry in page)
                {
                    consumed++;
                    scanned++;
                    below = entry.Key.Id;
                    if (kinds is not null && !kinds.Contains(entry.Document.Kind))
                    {
                        continue;
                    }

                    using var json = JsonSerializer.SerializeToDocument(ProfileViews.ToItem(entry.Key.Id, entry.Document), ApiJsonContext.Default.TimelineItem);
                    if (_policy.TryWrite(writer, json.RootElement, ScopeRoots.TimelineItem, mask, ref emitted) && ++written == limit)
                    {
                        break;
                    }
                }

                if (page.Count == 0 || (next is null && consumed == page.Count))
                {
                    more = false;
                    break;
                }
            }

            writer.WriteEndArray();
            WriteCursor(writer, more ? below : null);
            writer.WriteEndObject();
        }

        request.Disclosed([id], _policy.GroupNames(emitted));
        return Json(buffer.WrittenSpan.ToArray());
    }

    private async Task<IReadOnlyList<string>> FindBySourceAsync(string? source, string? sourceId, string? entityType, CancellationToken cancellationToken)
    {
        if (source is null || sourceId is null)
        {
            throw ApiProblemException.BadRequest("A source id lookup needs source and sourceId.", "Pass ?source=salesforce&sourceId=001...");
        }

        if (!IsName(source) || (entityType is not null && !IsName(entityType)) || sourceId.Length is 0 or > 200 || sourceId.Any(char.IsControl))
        {
            throw ApiProblemException.BadRequest("The source id is malformed.", "source and entityType are letters, digits, '-' or '_' (at most 64); sourceId is at most 200 characters.");
        }

        if (entityType is null)
        {
            return await _index.FindAsync(LookupKeys.SourceId(source, sourceId), 10, cancellationToken).ConfigureAwait(false);
        }

        var record = await _store.Records.GetAsync(DocumentKey.Single(RecordKeys.Of(source.ToLowerInvariant(), entityType, sourceId)), cancellationToken).ConfigureAwait(false);
        return record?.Document is { Deleted: false, ProfileId: { } profileId } ? [profileId] : [];
    }

    /// <summary>The surviving ids of the given profiles (merged ids followed), distinct, missing ones left out.</summary>
    private async Task<IReadOnlyList<string>> SurvivorsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var survivors = new List<string>();
        foreach (var id in ids)
        {
            if (await _store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false) is { } found && !survivors.Contains(found.Document.Id))
            {
                survivors.Add(found.Document.Id);
            }
        }

        return survivors;
    }

    private void RequireVisible(string path, ulong mask, string what)
    {
        if (!_policy.IsVisible(path, mask))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "Not allowed for this role.", $"The caller's role may not see {what}, so it may not search or look up by it.");
        }
    }

    /// <summary>A timeline cursor is the id of the last entry looked at (URL-safe); anything else is refused.</summary>
    private static string? DecodeTimelineCursor(string? cursor)
    {
        var id = Cursors.Decode(cursor);
        return id is null || id.StartsWith(TimelineEntry.IdPrefix, StringComparison.Ordinal) ? id : throw Cursors.Invalid();
    }

    private static string ProfileId(string id) =>
        ProfileIds.IsWellFormed(id) ? id : throw ApiProblemException.MalformedProfileId();

    private static HashSet<string>? ParseKinds(string? kinds)
    {
        if (kinds is null)
        {
            return null;
        }

        var names = kinds.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length > 20 || names.Any(n => !KindNames.TryParse(n, out var kind) || kind == RecordKind.Party))
        {
            throw ApiProblemException.BadRequest("The kind filter is malformed.", "Pass a comma-separated list of: order, invoice, payment, subscription, ticket, marketingEvent, interaction, opportunity, usage.");
        }

        return names.Select(n => KindNames.ToName(KindNames.Parse(n))).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void WriteCursor(Utf8JsonWriter writer, string? continuation)
    {
        if (Cursors.Encode(continuation) is { } cursor)
        {
            writer.WriteString("nextCursor", cursor);
        }
    }

    private static IResult Json(byte[] body) => Results.Bytes(body, "application/json; charset=utf-8");
}
