using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Api.Lookup;

/// <summary>
/// Keeps the lookup index in step with profiles: consumes <c>profile-changes</c> (subscription
/// <c>lookup-indexer</c>), writes the rows each profile should have and removes the ones it no
/// longer has, including every row of a profile that was removed, merged away or erased (an
/// erasure calls it directly, so the person's emails and names leave the index before the store
/// files are scrubbed). Idempotent, so redelivery is harmless.
/// </summary>
public sealed class LookupIndexer(HubStore store, LookupIndex index) : IMessageHandler, IDerivedDataEraser
{
    public string Topic => Topics.ProfileChanges;

    public string Subscription => Topics.LookupIndexerSubscription;

    public async Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        var batch = ProfileChangeBatch.Read(messages);
        foreach (var profileId in batch.ProfileIds)
        {
            await IndexAsync(profileId, cancellationToken).ConfigureAwait(false);
        }

        return batch.Rejections;
    }

    public async Task<int> EraseAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var removed = 0;
        foreach (var profileId in profileIds)
        {
            removed += await IndexAsync(profileId, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>Brings one profile's rows up to date; returns how many rows it removed.</summary>
    public async Task<int> IndexAsync(string profileId, CancellationToken cancellationToken = default)
    {
        var profile = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
        var wanted = profile is { Document.RedirectTo: null } ? index.RowsOf(profile.Document) : new Dictionary<LookupRow, LookupEntry>();
        var stateKey = LookupIndex.StateKey(profileId);
        var state = await index.States.GetAsync(stateKey, cancellationToken).ConfigureAwait(false);
        var writes = new List<DocumentWrite>();
        foreach (var row in state?.Document.Rows ?? [])
        {
            if (!wanted.ContainsKey(row))
            {
                writes.Add(index.Entries.Delete(new DocumentKey(row.Partition, row.Id)));
            }
        }

        var removed = writes.Count;
        foreach (var (row, entry) in wanted)
        {
            writes.Add(index.Entries.Upsert(new DocumentKey(row.Partition, row.Id), entry));
        }

        // The state goes last: if a write before it fails, the retry still knows the old rows.
        writes.Add(wanted.Count == 0 ? index.States.Delete(stateKey) : index.States.Upsert(stateKey, new LookupState([.. wanted.Keys])));
        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
