using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;

namespace Customer360Hub.Core.UnitTests.Support;

/// <summary>
/// Merges and splits profiles the way an identity engine that keeps redirects does (issue 4's
/// contract: members move, the merged id redirects to the survivor, records point at their
/// profile, and the touched profiles are recomposed). Composition must re-link whatever the
/// engine decided.
/// </summary>
public static class IdentityMerges
{
    public static async Task MergeAsync(TestHub hub, string from, string into)
    {
        var store = hub.Store;
        var source = (await store.Profiles.GetAsync(DocumentKey.Single(from)))!;
        var target = (await store.Profiles.GetAsync(DocumentKey.Single(into)))!;
        var now = hub.Time.GetUtcNow();
        var moved = source.Document.Members.Select(m => m with { LinkedAt = now, Rule = "merge" }).ToList();
        var writes = new List<DocumentWrite>
        {
            store.Profiles.Replace(source.Key, source.Document with { Members = [], RedirectTo = into, UpdatedAt = now }, source.ETag),
            store.Profiles.Replace(target.Key, target.Document with { Members = [.. target.Document.Members, .. moved], UpdatedAt = now }, target.ETag),
        };
        foreach (var record in await store.Records.GetManyAsync(moved.Select(m => DocumentKey.Single(m.RecordKey)).ToList()))
        {
            writes.Add(store.Records.Replace(record.Key, record.Document with { ProfileId = into }, record.ETag));
        }

        await store.Documents.WriteAsync(writes);
        await ComposeAsync(hub, from, into);
    }

    /// <summary>Moves <paramref name="recordKeys"/> out of <paramref name="from"/> into a profile of their own (id kept from before, as a re-founded profile would).</summary>
    public static async Task SplitAsync(TestHub hub, string from, string newId, IReadOnlyList<string> recordKeys)
    {
        var store = hub.Store;
        var source = (await store.Profiles.GetAsync(DocumentKey.Single(from)))!;
        var existing = await store.Profiles.GetAsync(DocumentKey.Single(newId));
        var now = hub.Time.GetUtcNow();
        var leaving = source.Document.Members.Where(m => recordKeys.Contains(m.RecordKey)).Select(m => m with { LinkedAt = now, Rule = "split" }).ToList();
        var split = new GoldenProfile { Id = newId, CreatedAt = now, UpdatedAt = now, Members = leaving, Engine = ProfileComposer.Engine };
        var writes = new List<DocumentWrite>
        {
            store.Profiles.Replace(source.Key, source.Document with { Members = source.Document.Members.Except(leaving.Select(l => source.Document.Members.First(m => m.RecordKey == l.RecordKey))).ToList(), UpdatedAt = now }, source.ETag),
            existing is null ? store.Profiles.Create(DocumentKey.Single(newId), split) : store.Profiles.Replace(existing.Key, existing.Document with { RedirectTo = null, Members = leaving, UpdatedAt = now }, existing.ETag),
        };
        foreach (var record in await store.Records.GetManyAsync(recordKeys.Select(DocumentKey.Single).ToList()))
        {
            writes.Add(store.Records.Replace(record.Key, record.Document with { ProfileId = newId }, record.ETag));
        }

        await store.Documents.WriteAsync(writes);
        await ComposeAsync(hub, from, newId);
    }

    private static async Task ComposeAsync(TestHub hub, params string[] profileIds)
    {
        var composer = hub.Get<ProfileComposer>();
        foreach (var id in profileIds)
        {
            await composer.ComposeAsync(id, hub.Time.GetUtcNow());
        }
    }
}
