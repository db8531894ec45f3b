using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Changes;
using Customer360Hub.History;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// Renders one profile for a caller: the current view (cached per version and visible-group set,
/// with ETags and 304) or the view as of a past moment, always scoped before a byte is written and
/// noted for the audit trail.
/// </summary>
internal sealed class ProfileRenderer
{
    private readonly HubStore _store;
    private readonly FieldScopePolicy _policy;
    private readonly ProfileViewCache _cache;
    private readonly CustomerRefs _refs;
    private readonly ProfileHistory _history;
    private readonly QualityOptions _quality;
    private readonly TimeProvider _time;
    private readonly IDocumentWriteCounter? _writeCounter;
    private readonly Func<byte[], ulong, ScopedView> _scope;

    public ProfileRenderer(
        HubStore store,
        FieldScopePolicy policy,
        ProfileViewCache cache,
        CustomerRefs refs,
        ProfileHistory history,
        IOptions<QualityOptions> quality,
        TimeProvider time)
    {
        _store = store;
        // The hub store wraps the store in a unit-of-work decorator; API reads never run inside a
        // unit of work, so the counts of the store underneath are the ones that matter.
        _writeCounter = (store.Documents is UnitOfWorkStore work ? work.Inner : store.Documents) as IDocumentWriteCounter;
        _policy = policy;
        _cache = cache;
        _refs = refs;
        _history = history;
        _quality = quality.Value;
        _time = time;
        _scope = (fullView, mask) => ScopedView.Of(_policy, fullView, ScopeRoots.Profile, mask);
    }

    /// <summary>The current profile; a merged id answers 308 with the survivor's address.</summary>
    public async Task<IResult> CurrentAsync(ApiRequest request, string id, bool lineage, bool contentLocation)
    {
        var now = _time.GetUtcNow();
        var key = DocumentKey.Single(id);
        var aggregatesKey = new DocumentKey(id, ProfileAggregates.DocumentId);
        // The profile, its score and its aggregates share the profile's partition: one count covers all three.
        var counts = _writeCounter?.WritesToPartition(id);
        var cacheKey = lineage ? id + "|lineage" : id;
        var cached = _cache.Get(cacheKey);
        if (cached is not null && (cached.ValidUntil <= now || (cached.AccountRef is not null && await AccountIdAsync(cached.AccountRef, request).ConfigureAwait(false) != cached.AccountId)))
        {
            cached = null;
        }

        if (cached is null || counts is null || cached.PartitionWrites != counts)
        {
            // Not known to be current: read the documents (after noting the write count) and
            // reuse the rendering only when their ETags are unchanged.
            var profiles = await _store.Documents.ReadAsync(Containers.Profiles, [key], request.Aborted).ConfigureAwait(false);
            if (profiles.Count == 0)
            {
                throw ApiProblemException.NotFound($"No profile '{id}'.");
            }

            var scores = await _store.Documents.ReadAsync(Containers.Scores, [key], request.Aborted).ConfigureAwait(false);
            var aggregates = await _store.Documents.ReadAsync(Containers.Timeline, [aggregatesKey], request.Aborted).ConfigureAwait(false);
            var version = new ProfileVersionTag(profiles[0].ETag, scores.Count == 0 ? null : scores[0].ETag, aggregates.Count == 0 ? null : aggregates[0].ETag);
            if (cached is null || cached.Version != version)
            {
                var profile = _store.Profiles.Deserialize(profiles[0].Body);
                if (profile.RedirectTo is not null)
                {
                    var survivor = await _store.GetProfileAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
                    return Redirect(request, survivor.Document.Id);
                }

                var accountRef = profile.Fields.GetValueOrDefault(CanonicalFields.AccountRef)?.Value;
                var accountId = accountRef is null ? null : await AccountIdAsync(accountRef, request).ConfigureAwait(false);
                var view = ProfileViews.ToView(
                    profile,
                    aggregates.Count == 0 ? null : _store.Aggregates.Deserialize(aggregates[0].Body),
                    scores.Count == 0 ? null : _store.Scores.Deserialize(scores[0].Body),
                    accountId,
                    lineage,
                    asOf: null,
                    now,
                    _quality);
                cached = new CachedProfile(
                    version,
                    ProfileViews.OwnerOf(profile, _policy.OwnerField),
                    accountRef,
                    accountId,
                    ProfileViews.ValidUntil(profile, now, _quality),
                    JsonSerializer.SerializeToUtf8Bytes(view, ApiJsonContext.Default.ProfileView),
                    counts);
            }
            else
            {
                cached = cached.WithPartitionWrites(counts);
            }

            _cache.Set(cacheKey, cached);
        }

        var mask = _policy.MaskFor(request.Caller, cached.Owner);
        return cached.ScopedFor(mask, _scope).Respond(request, [id], contentLocation ? $"/api/v1/profiles/{id}" : null);
    }

    /// <summary>The profile as the hub served it at <paramref name="asOf"/> (a merged-away id then is the survivor it was merged into).</summary>
    public async Task<IResult> AsOfAsync(ApiRequest request, string id, DateTimeOffset asOf, bool lineage)
    {
        var past = await _history.AsOfAsync(id, asOf, request.Aborted).ConfigureAwait(false)
            ?? throw ApiProblemException.NotFound($"No profile '{id}' at {asOf.UtcDateTime:O}.");
        var view = ProfileViews.ToView(past, aggregates: null, score: null, accountId: null, lineage, asOf, _time.GetUtcNow(), _quality);
        var mask = _policy.MaskFor(request.Caller, ProfileViews.OwnerOf(past, _policy.OwnerField));
        return ScopedView.Of(_policy, JsonSerializer.SerializeToUtf8Bytes(view, ApiJsonContext.Default.ProfileView), ScopeRoots.Profile, mask).Respond(request, [past.Id]);
    }

    /// <summary>A merged id's answer: the survivor's address; the query (cursor, filters) carries over.</summary>
    public static IResult Redirect(ApiRequest request, string survivor, string collection = "/profiles/")
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.HttpContext.Request.Path.Value ?? string.Empty;
        var original = request.Route("id");
        var location = path.Replace(collection + original, collection + survivor, StringComparison.Ordinal) + request.HttpContext.Request.QueryString;
        return Results.Redirect(location, permanent: true, preserveMethod: true);
    }

    private Task<string?> AccountIdAsync(string accountRef, ApiRequest request) => _refs.ProfileOfRecordAsync(accountRef, request.Aborted);
}
