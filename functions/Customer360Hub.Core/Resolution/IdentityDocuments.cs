using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// The identity engine's reads of records, relations and profiles through the store port, in the
/// shapes re-clustering needs, with each decoded document kept by its stored bytes
/// (<see cref="DocumentCache{T}"/>): the records and relations of a connected group are read
/// again on every change that touches it, and decoding them again is most of the cost of a read.
/// </summary>
internal sealed class IdentityDocuments(HubStore store, int capacity)
{
    private const int Page = 1000;

    private readonly DocumentCache<RecordHead> _heads = new(CoreJsonContext.Default.RecordHead, capacity);
    private readonly DocumentCache<RelationSummary> _relations = new(CoreJsonContext.Default.RelationSummary, capacity * 8);
    private readonly DocumentCache<GoldenProfile> _profiles = new(CoreJsonContext.Default.GoldenProfile, capacity);

    public HubStore Store => store;

    /// <summary>The record's head and the stored document it came from (for a conditional rewrite); null when there is no such record.</summary>
    public async ValueTask<(RecordHead Head, StoredDocument Stored)?> HeadAsync(string recordKey, CancellationToken cancellationToken)
    {
        var found = await store.Documents.ReadAsync(Containers.Records, [DocumentKey.Single(recordKey)], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : (_heads.Decode(found[0]), found[0]);
    }

    /// <summary>The relations stored on the record (its partition of container <c>links</c>): all of them, or only those that decide profiles and households.</summary>
    public async ValueTask<List<RelationSummary>> RelationsAsync(string recordKey, bool withPossibleMatches, CancellationToken cancellationToken)
    {
        var relations = new List<RelationSummary>();
        string? continuation = null;
        var below = withPossibleMatches ? null : IdentityLink.PossibleMatchIds;
        do
        {
            var page = await store.Documents.QueryAsync(Containers.Links, recordKey, new DocumentQuery(Limit: Page, ContinuationToken: continuation, IdBelow: below), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                relations.Add(_relations.Decode(item));
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return relations;
    }

    public async ValueTask<Versioned<GoldenProfile>?> ProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        var found = await store.Documents.ReadAsync(Containers.Profiles, [DocumentKey.Single(profileId)], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : new Versioned<GoldenProfile>(found[0].Key, _profiles.Decode(found[0]), found[0].ETag);
    }

    /// <summary>A record write that later reads of the record will not decode again.</summary>
    public DocumentWrite WriteRecord(DocumentWrite write, SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(write);
        _heads.Remember(write.Key, write.Body, RecordHead.Of(record));
        return write;
    }

    /// <summary>A relation write that later reads of the partition will not decode again.</summary>
    public DocumentWrite WriteRelation(IdentityLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var key = new DocumentKey(link.RecordKey, IdentityLink.IdFor(link.OtherKey, link.DecisionId, link.Decision));
        var write = store.Links.Upsert(key, link);
        _relations.Remember(key, write.Body, RelationSummary.Of(link));
        return write;
    }

    public DocumentWrite DeleteRelation(DocumentKey key)
    {
        _relations.Forget(key);
        return store.Links.Delete(key);
    }

    /// <summary>A profile write that later reads of the profile will not decode again.</summary>
    public DocumentWrite WriteProfile(DocumentWrite write, GoldenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(write);
        _profiles.Remember(write.Key, write.Body, profile);
        return write;
    }
}
