using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>
/// The rest of the <see cref="IDocumentStore"/> contract: reads of missing documents, partition
/// queries in id order with continuation, transactional partition batches, scans and time to
/// live. SQLite and the official Cosmos DB emulator run it; the npm Cosmos stand-in cannot
/// (its queries, batches and missing-item reads are broken).
/// </summary>
public abstract class DocumentStoreFullContract : DocumentStoreContract
{
    /// <summary>Lets time pass for the store (a fake clock, or real waiting against a server).</summary>
    protected abstract Task AdvanceTimeAsync(TimeSpan time);

    [Fact]
    public async Task ReadAsync_MissingKeys_AreLeftOutOfTheResult()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([DocumentWrite.Upsert(Container, DocumentKey.Single("p-here"), Json("""{"v":1}"""))]);

        var read = await store.ReadAsync(Container, [DocumentKey.Single("p-missing"), DocumentKey.Single("p-here")]);

        Assert.Equal([DocumentKey.Single("p-here")], read.Select(d => d.Key));
    }

    [Fact]
    public async Task WriteAsync_Delete_RemovesTheDocument()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-gone");
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":1}"""))]);

        await store.WriteAsync([DocumentWrite.Delete(Container, key)]);

        Assert.Empty(await store.ReadAsync(Container, [key]));
    }

    [Fact]
    public async Task WriteAsync_OneFailingWriteInAPartition_AppliesNoneOfThatPartition()
    {
        var store = await CreateStoreAsync();
        var existing = new DocumentKey("p-batch", "b");
        await store.WriteAsync([DocumentWrite.Create(Containers.Timeline, existing, Json("""{"v":"old"}"""))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync(
        [
            DocumentWrite.Upsert(Containers.Timeline, new DocumentKey("p-batch", "a"), Json("""{"v":"new"}""")),
            DocumentWrite.Create(Containers.Timeline, existing, Json("""{"v":"new"}""")),
        ]));

        Assert.Empty(await store.ReadAsync(Containers.Timeline, [new DocumentKey("p-batch", "a")]));
        AssertSameJson("""{"v":"old"}""", (await ReadOneAsync(store, Containers.Timeline, existing)).Body);
    }

    [Fact]
    public async Task WriteAsync_PartitionBatchWithDeleteOfMissingDocument_AppliesTheRest()
    {
        var store = await CreateStoreAsync();

        await store.WriteAsync(
        [
            DocumentWrite.Delete(Containers.Timeline, new DocumentKey("p-batch-delete", "never")),
            DocumentWrite.Upsert(Containers.Timeline, new DocumentKey("p-batch-delete", "kept"), Json("""{"v":1}""")),
        ]);

        Assert.Single(await store.ReadAsync(Containers.Timeline, [new DocumentKey("p-batch-delete", "kept")]));
    }

    [Fact]
    public async Task QueryAsync_PagesThroughAPartitionInIdOrder()
    {
        var store = await CreateStoreAsync();
        var ids = new[] { "2026-03", "2026-01", "2026-02", "2026-05", "2026-04" };
        await store.WriteAsync(ids.Select(id => DocumentWrite.Upsert(Containers.Timeline, new DocumentKey("p-q", id), Json($$"""{"id":"{{id}}"}"""))).ToList());
        await store.WriteAsync([DocumentWrite.Upsert(Containers.Timeline, new DocumentKey("p-other", "2026-00"), Json("""{"id":"x"}"""))]);

        var first = await store.QueryAsync(Containers.Timeline, "p-q", new DocumentQuery(Limit: 2));
        var second = await store.QueryAsync(Containers.Timeline, "p-q", new DocumentQuery(Limit: 2, ContinuationToken: first.ContinuationToken));
        var third = await store.QueryAsync(Containers.Timeline, "p-q", new DocumentQuery(Limit: 2, ContinuationToken: second.ContinuationToken));

        Assert.Equal(["2026-01", "2026-02"], first.Items.Select(d => d.Key.Id));
        Assert.Equal(["2026-03", "2026-04"], second.Items.Select(d => d.Key.Id));
        Assert.Equal(["2026-05"], third.Items.Select(d => d.Key.Id));
        Assert.Null(third.ContinuationToken);
    }

    [Fact]
    public async Task QueryAsync_Descending_StartsWithTheHighestId()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(new[] { "a", "c", "b" }.Select(id => DocumentWrite.Upsert(Containers.Timeline, new DocumentKey("p-desc", id), Json("{}"))).ToList());

        var first = await store.QueryAsync(Containers.Timeline, "p-desc", new DocumentQuery(Limit: 2, Descending: true));
        var rest = await store.QueryAsync(Containers.Timeline, "p-desc", new DocumentQuery(Limit: 2, Descending: true, ContinuationToken: first.ContinuationToken));

        Assert.Equal(["c", "b"], first.Items.Select(d => d.Key.Id));
        Assert.Equal(["a"], rest.Items.Select(d => d.Key.Id));
    }

    [Fact]
    public async Task QueryAsync_IdPrefixWithSlashes_ReturnsOnlyMatchingIds()
    {
        var store = await CreateStoreAsync();
        var keys = new[] { "zendesk/users/1", "zendesk/users/2", "zendesk/tickets/1", "stripe/customer/1" };
        await store.WriteAsync(keys.Select(id => DocumentWrite.Upsert(Containers.Identity, new DocumentKey("email:a@example.com", id), Json("{}"))).ToList());

        var page = await store.QueryAsync(Containers.Identity, "email:a@example.com", new DocumentQuery(IdPrefix: "zendesk/users/"));

        Assert.Equal(["zendesk/users/1", "zendesk/users/2"], page.Items.Select(d => d.Key.Id));
    }

    [Fact]
    public async Task QueryAsync_MalformedContinuationToken_ThrowsArgumentException()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(Containers.Timeline, "p-any", new DocumentQuery(ContinuationToken: "***")));
    }

    [Fact]
    public async Task ScanAsync_ReturnsEveryDocumentOfTheContainerOnly()
    {
        var store = await CreateStoreAsync();
        var keys = Enumerable.Range(0, 30).Select(i => new DocumentKey($"p-scan-{i % 7}", $"id-{i:00}")).ToList();
        await store.WriteAsync(keys.Select(k => DocumentWrite.Upsert(Containers.Quarantine, k, Json("{}"))).ToList());
        await store.WriteAsync([DocumentWrite.Upsert(Containers.Pending, DocumentKey.Single("elsewhere"), Json("{}"))]);

        var scanned = new List<DocumentKey>();
        await foreach (var document in store.ScanAsync(Containers.Quarantine))
        {
            scanned.Add(document.Key);
        }

        Assert.Equal(keys.OrderBy(k => k.ToString(), StringComparer.Ordinal), scanned.OrderBy(k => k.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_DocumentPastItsTimeToLive_IsGone()
    {
        var store = await CreateStoreAsync();
        var expiring = DocumentKey.Single("p-ttl");
        var lasting = DocumentKey.Single("p-no-ttl");
        await store.WriteAsync(
        [
            new DocumentWrite(Container, expiring, WriteOperation.Upsert, Json("{}"), TimeToLive: TimeSpan.FromSeconds(1)),
            DocumentWrite.Upsert(Container, lasting, Json("{}")),
        ]);
        Assert.Single(await store.ReadAsync(Container, [expiring]));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal([lasting], (await store.ReadAsync(Container, [expiring, lasting])).Select(d => d.Key));
    }
}
