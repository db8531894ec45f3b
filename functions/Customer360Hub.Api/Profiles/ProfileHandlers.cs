using System.Buffers;
using System.Security.Cryptography;
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
/// Profile reads: by id, lookup (email, phone, source id), search (name, company) and timeline.
/// Every response is scoped to the caller's field groups before it is written and records what it
/// disclosed for the audit trail.
/// </summary>
public sealed class ProfileHandlers
{
    public const int MaxTimelinePage = 200;
    public const int MaxSearchPage = 100;
    private const int MaxStoreCalls = 10;
    private const int MaxQueryLength = 200;

    private readonly HubStore _store;
    private readonly FieldScopePolicy _policy;
    private readonly LookupIndex _index;
    private readonly ProfileViewCache _cache;
    private readonly LookupOptions _lookup;
    private readonly IDocumentWriteCounter? _writeCounter;

    internal ProfileHandlers(HubStore store, IDocumentStore documents, FieldScopePolicy policy, LookupIndex index, ProfileViewCache cache, IOptions<LookupOptions> lookup)
    {
        _store = store;
        _writeCounter = documents as IDocumentWriteCounter;
        _policy = policy;
        _index = index;
        _cache = cache;
        _lookup = lookup.Value;
    }

    public Task<IResult> GetProfileAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = ProfileId(request.Route("id"));
        return RenderAsync(request, id, contentLocation: false, auditDetail: null);
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
            1 => await RenderAsync(request, profiles[0], contentLocation: true, request.AuditDetail).ConfigureAwait(false),
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
        var continuation = Cursors.Decode(request.Query("cursor"));
        var kinds = ParseKinds(request.Query("kind"));
        var found = await _store.GetProfileAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
        if (found.Document.Id != id)
        {
            return Redirect(request, found.Document.Id);
        }

        var mask = _policy.MaskFor(request.Caller, ProfileViews.OwnerOf(found.Document, _policy.OwnerField));
        var buffer = new ArrayBufferWriter<byte>(8192);
        var emitted = 0UL;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("profileId", id);
            writer.WriteStartArray("items");
            var written = 0;
            for (var call = 0; call < MaxStoreCalls && written < limit; call++)
            {
                DocumentPage page;
                try
                {
                    page = await _store.Documents.QueryAsync(Containers.Timeline, id, new DocumentQuery(Limit: limit - written, Descending: true, ContinuationToken: continuation), request.Aborted).ConfigureAwait(false);
                }
                catch (ArgumentException)
                {
                    throw Cursors.Invalid();
                }

                foreach (var stored in page.Items)
                {
                    var entry = _store.Timeline.Deserialize(stored.Body);
                    if (kinds is not null && !kinds.Contains(entry.Kind))
                    {
                        continue;
                    }

                    using var json = JsonSerializer.SerializeToDocument(ProfileViews.ToItem(stored.Key.Id, entry), ApiJsonContext.Default.TimelineItem);
                    if (_policy.TryWrite(writer, json.RootElement, ScopeRoots.TimelineItem, mask, ref emitted))
                    {
                        written++;
                    }
                }

                continuation = page.ContinuationToken;
                if (continuation is null)
                {
                    break;
                }
            }

            writer.WriteEndArray();
            WriteCursor(writer, continuation);
            writer.WriteEndObject();
        }

        request.Disclosed([id], _policy.GroupNames(emitted));
        return Json(buffer.WrittenSpan.ToArray());
    }

    private async Task<IResult> RenderAsync(ApiRequest request, string id, bool contentLocation, string? auditDetail)
    {
        var key = DocumentKey.Single(id);
        var counts = _writeCounter is null ? ((long, long)?)null : (_writeCounter.WritesTo(Containers.Profiles, key), _writeCounter.WritesTo(Containers.Scores, key));
        var cached = _cache.Get(id);
        if (cached is null || counts is null || cached.WriteCounts != counts)
        {
            // Not known to be current: read the documents (after noting the write counts) and
            // reuse the rendering only when their ETags are unchanged.
            var documents = await _store.Documents.ReadAsync(Containers.Profiles, [key], request.Aborted).ConfigureAwait(false);
            if (documents.Count == 0)
            {
                throw ApiProblemException.NotFound($"No profile '{id}'.");
            }

            var scores = await _store.Documents.ReadAsync(Containers.Scores, [key], request.Aborted).ConfigureAwait(false);
            var profileETag = documents[0].ETag;
            var scoreETag = scores.Count == 0 ? null : scores[0].ETag;
            if (cached is null || !cached.IsCurrent(profileETag, scoreETag))
            {
                var profile = _store.Profiles.Deserialize(documents[0].Body);
                if (profile.RedirectTo is not null)
                {
                    var survivor = await _store.GetProfileAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
                    return Redirect(request, survivor.Document.Id);
                }

                var score = scores.Count == 0 ? null : _store.Scores.Deserialize(scores[0].Body);
                var full = JsonSerializer.SerializeToUtf8Bytes(ProfileViews.ToView(profile, score), ApiJsonContext.Default.ProfileView);
                cached = new CachedProfile(profileETag, scoreETag, ProfileViews.OwnerOf(profile, _policy.OwnerField), full, counts);
            }
            else
            {
                cached = cached.WithWriteCounts(counts);
            }

            _cache.Set(id, cached);
        }

        var mask = _policy.MaskFor(request.Caller, cached.Owner);
        var view = cached.Scoped.GetOrAdd(mask, static (m, state) => state.Self.Scope(state.Cached, m), (Self: this, Cached: cached));
        request.AuditDetail = auditDetail;
        request.Disclosed([id], view.Groups);
        var location = contentLocation ? $"/api/v1/profiles/{id}" : null;
        return JsonBytesResult.NotModified(request.HttpContext.Request, view.ETag)
            ? new JsonBytesResult(null, view.ETag, location)
            : new JsonBytesResult(view.Body, view.ETag, location);
    }

    private ScopedView Scope(CachedProfile cached, ulong mask)
    {
        using var json = JsonDocument.Parse(cached.FullView);
        var body = _policy.Scope(json.RootElement, ScopeRoots.Profile, mask, out var emitted);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return new ScopedView(body, "\"" + Convert.ToHexStringLower(hash[..16]) + "\"", _policy.GroupNames(emitted));
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

    private static IResult Redirect(ApiRequest request, string survivor)
    {
        // A merged id answers with the survivor's address; the query (cursor, filters) carries over.
        var path = request.HttpContext.Request.Path.Value ?? string.Empty;
        var original = request.Route("id");
        var location = path.Replace("/profiles/" + original, "/profiles/" + survivor, StringComparison.Ordinal) + request.HttpContext.Request.QueryString;
        return Results.Redirect(location, permanent: true, preserveMethod: true);
    }

    private static string ProfileId(string id) =>
        ProfileIds.IsWellFormed(id) ? id : throw ApiProblemException.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 lower-case hexadecimal digits.");

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
