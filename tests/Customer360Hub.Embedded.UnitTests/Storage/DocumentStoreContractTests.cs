using System.Text;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.UnitTests.Storage;

/// <summary>The behaviour every home of the profile store port must have; each store's tests derive from it.</summary>
public abstract class DocumentStoreContractTests : IDisposable
{
    protected const string Container = "profiles";
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        DisposeFixture();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh, empty store.</summary>
    protected abstract IDocumentStore CreateStore();

    protected virtual void DisposeFixture()
    {
    }

    protected IDocumentStore NewStore()
    {
        var store = CreateStore();
        if (store is IDisposable disposable)
        {
            _owned.Add(disposable);
        }

        return store;
    }

    [Fact]
    public async Task Write_StaleETag_IsRejectedAndLeavesTheNewerVersion()
    {
        var store = NewStore();
        var key = DocumentKey.Single("p1");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Body("v1"))]);
        var read = Assert.Single(await store.ReadAsync(Container, [key]));
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Body("v2"), read.ETag)]);

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Upsert(Container, key, Body("stale"), read.ETag)]));

        Assert.Equal(key, conflict.Key);
        Assert.Equal("v2", Text(Assert.Single(await store.ReadAsync(Container, [key]))));
    }

    [Fact]
    public async Task Write_ConcurrentReadModifyWrite_NeverLosesAnUpdate()
    {
        var store = NewStore();
        var key = DocumentKey.Single("counter");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Body("0"))]);
        const int Writers = 8, IncrementsEach = 25;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsEach; i++)
            {
                while (true)
                {
                    var current = Assert.Single(await store.ReadAsync(Container, [key]));
                    var next = int.Parse(Text(current), System.Globalization.CultureInfo.InvariantCulture) + 1;
                    try
                    {
                        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Body(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), current.ETag)]);
                        break;
                    }
                    catch (DocumentConflictException)
                    {
                        // Lost the race: read again.
                    }
                }
            }
        })));

        Assert.Equal((Writers * IncrementsEach).ToString(System.Globalization.CultureInfo.InvariantCulture), Text(Assert.Single(await store.ReadAsync(Container, [key]))));
    }

    [Fact]
    public async Task Write_BatchWithOneConflict_AppliesNothing()
    {
        var store = NewStore();
        await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("exists"), Body("x"))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync(
        [
            DocumentWrite.Create(Container, DocumentKey.Single("new"), Body("n")),
            DocumentWrite.Create(Container, DocumentKey.Single("exists"), Body("again")),
        ]));

        Assert.Empty(await store.ReadAsync(Container, [DocumentKey.Single("new")]));
    }

    [Fact]
    public async Task Query_Partition_PagesInIdOrderBothWays()
    {
        var store = NewStore();
        await store.WriteAsync(Enumerable.Range(1, 5).Select(i => DocumentWrite.Upsert("timeline", new DocumentKey("p1", $"2026-0{i}"), Body(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList());
        await store.WriteAsync([DocumentWrite.Upsert("timeline", new DocumentKey("p2", "2026-09"), Body("other"))]);

        var first = await store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 2, Descending: true));
        var second = await store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 2, Descending: true, ContinuationToken: first.ContinuationToken));
        var last = await store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 2, Descending: true, ContinuationToken: second.ContinuationToken));

        Assert.Equal(["2026-05", "2026-04", "2026-03", "2026-02", "2026-01"], first.Items.Concat(second.Items).Concat(last.Items).Select(d => d.Key.Id));
        Assert.Null(last.ContinuationToken);
        Assert.Equal(["2026-02", "2026-03"], (await store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 10, IdPrefix: "2026-0", ContinuationToken: null))).Items.Skip(1).Take(2).Select(d => d.Key.Id));
    }

    [Fact]
    public async Task Write_ReplaceMissingOrCreateExisting_Conflicts()
    {
        var store = NewStore();
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, DocumentKey.Single("none"), WriteOperation.Replace, Body("x"))]));
        await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("one"), Body("x"))]);
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("one"), Body("y"))]));
    }

    [Fact]
    public async Task Write_ConditionalDeleteOrReplaceWithStaleETag_ConflictsAndKeepsTheDocument()
    {
        var store = NewStore();
        var key = DocumentKey.Single("p1");
        var stale = await StaleETagAsync(store, key);

        var delete = await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Delete(Container, key, stale)]));
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, key, WriteOperation.Replace, Body("v3"), stale)]));
        await store.WriteAsync([DocumentWrite.Delete(Container, key)]);
        var gone = await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Upsert(Container, key, Body("v4"), stale)]));

        Assert.Contains("changed", delete.Message, StringComparison.Ordinal);
        Assert.Contains("no longer exists", gone.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync(Container, [key]));
    }

    [Fact]
    public async Task Write_CheckAtTheReadVersion_PassesAndLeavesTheDocumentAsItWas()
    {
        var store = NewStore();
        var key = DocumentKey.Single("guard");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Body("v1"))]);
        var read = Assert.Single(await store.ReadAsync(Container, [key]));

        await store.WriteAsync(
        [
            new DocumentWrite(Container, key, WriteOperation.Check, Body("ignored"), read.ETag),
            new DocumentWrite(Container, DocumentKey.Single("absent"), WriteOperation.Check, Body("ignored")),
            DocumentWrite.Create(Container, DocumentKey.Single("decided"), Body("d")),
        ]);

        var after = Assert.Single(await store.ReadAsync(Container, [key]));
        Assert.Equal((read.ETag, "v1"), (after.ETag, Text(after)));
        Assert.Empty(await store.ReadAsync(Container, [DocumentKey.Single("absent")]));
        Assert.Single(await store.ReadAsync(Container, [DocumentKey.Single("decided")]));
    }

    [Fact]
    public async Task Write_CheckOfAChangedOrCreatedDocument_ConflictsAndAppliesNothing()
    {
        var store = NewStore();
        var key = DocumentKey.Single("guard");
        var stale = await StaleETagAsync(store, key);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync(
            [DocumentWrite.Create(Container, DocumentKey.Single("decided"), Body("d")), new DocumentWrite(Container, key, WriteOperation.Check, Body("ignored"), stale)]));
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync(
            [DocumentWrite.Create(Container, DocumentKey.Single("decided"), Body("d")), new DocumentWrite(Container, key, WriteOperation.Check, Body("ignored"))]));

        Assert.Empty(await store.ReadAsync(Container, [DocumentKey.Single("decided")]));
        Assert.Equal("v2", Text(Assert.Single(await store.ReadAsync(Container, [key]))));
    }

    protected static byte[] Body(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Creates the document as "v1" and overwrites it with "v2"; returns the ETag of "v1".</summary>
    private static async Task<string> StaleETagAsync(IDocumentStore store, DocumentKey key)
    {
        await store.WriteAsync([DocumentWrite.Create(Container, key, Body("v1"))]);
        var stale = Assert.Single(await store.ReadAsync(Container, [key])).ETag;
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Body("v2"))]);
        return stale;
    }

    protected static string Text(StoredDocument document) => Encoding.UTF8.GetString(document.Body.Span);
}
