using System.Text;
using System.Text.Json.Nodes;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>
/// What every <see cref="IDocumentStore"/> must do, whatever its home: point reads and the ETag
/// rules of conditional writes. Runs against SQLite and every Cosmos DB stand-in;
/// <see cref="DocumentStoreFullContract"/> adds what only complete implementations support.
/// </summary>
public abstract class DocumentStoreContract
{
    protected const string Container = Containers.Profiles;

    /// <summary>A store with every hub container, empty.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    protected static ReadOnlyMemory<byte> Json(string json) => Encoding.UTF8.GetBytes(json);

    protected static void AssertSameJson(string expected, ReadOnlyMemory<byte> actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.Span)), $"Expected {expected}, got {Encoding.UTF8.GetString(actual.Span)}");

    protected static async Task<StoredDocument> ReadOneAsync(IDocumentStore store, string container, DocumentKey key) =>
        Assert.Single(await store.ReadAsync(container, [key]));

    [Fact]
    public async Task ReadAsync_AfterCreate_ReturnsTheBodyAndAnETag()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-create");

        await store.WriteAsync([DocumentWrite.Create(Container, key, Json("""{"name":"Zoë Ångström","tags":["a","b"],"n":3}"""))]);

        var read = await ReadOneAsync(store, Container, key);
        Assert.Equal(key, read.Key);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        AssertSameJson("""{"name":"Zoë Ångström","tags":["a","b"],"n":3}""", read.Body);
    }

    [Fact]
    public async Task ReadAsync_KeysWithSlashesAndPartitions_KeepsDocumentsApart()
    {
        var store = await CreateStoreAsync();
        var first = new DocumentKey("zendesk/users/1", "zendesk/users/1");
        var second = new DocumentKey("identity:email:a", "zendesk/users/1");

        await store.WriteAsync([DocumentWrite.Upsert(Containers.Records, first, Json("""{"v":1}""")), DocumentWrite.Upsert(Containers.Records, second, Json("""{"v":2}"""))]);

        AssertSameJson("""{"v":1}""", (await ReadOneAsync(store, Containers.Records, first)).Body);
        AssertSameJson("""{"v":2}""", (await ReadOneAsync(store, Containers.Records, second)).Body);
        Assert.Equal(second, (await ReadOneAsync(store, Containers.Records, second)).Key);
    }

    [Fact]
    public async Task WriteAsync_CreateOfExistingDocument_ThrowsConflictAndKeepsTheFirst()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-dup");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Json("""{"v":1}"""))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Create(Container, key, Json("""{"v":2}"""))]));

        AssertSameJson("""{"v":1}""", (await ReadOneAsync(store, Container, key)).Body);
    }

    [Fact]
    public async Task WriteAsync_ReplaceWithCurrentETag_SucceedsAndChangesTheETag()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-replace");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Json("""{"v":1}"""))]);
        var before = await ReadOneAsync(store, Container, key);

        await store.WriteAsync([new DocumentWrite(Container, key, WriteOperation.Replace, Json("""{"v":2}"""), before.ETag)]);

        var after = await ReadOneAsync(store, Container, key);
        AssertSameJson("""{"v":2}""", after.Body);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task WriteAsync_ReplaceWithStaleETag_ThrowsConflictAndKeepsTheWinner()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-stale");
        await store.WriteAsync([DocumentWrite.Create(Container, key, Json("""{"v":1}"""))]);
        var stale = await ReadOneAsync(store, Container, key);
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":"winner"}"""))]);

        var error = await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, key, WriteOperation.Replace, Json("""{"v":"loser"}"""), stale.ETag)]));

        Assert.Equal(Container, error.Container);
        Assert.Equal(key, error.Key);
        AssertSameJson("""{"v":"winner"}""", (await ReadOneAsync(store, Container, key)).Body);
    }

    [Fact]
    public async Task WriteAsync_UpsertWithStaleETag_ThrowsConflict()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-upsert-stale");
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":1}"""))]);
        var stale = await ReadOneAsync(store, Container, key);
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":2}"""))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":3}"""), stale.ETag)]));

        AssertSameJson("""{"v":2}""", (await ReadOneAsync(store, Container, key)).Body);
    }

    [Fact]
    public async Task WriteAsync_UpsertWithCurrentETag_Replaces()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-upsert-current");
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":1}"""))]);
        var current = await ReadOneAsync(store, Container, key);

        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":2}"""), current.ETag)]);

        AssertSameJson("""{"v":2}""", (await ReadOneAsync(store, Container, key)).Body);
    }

    [Fact]
    public async Task WriteAsync_ReplaceOfMissingDocument_ThrowsConflict()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, DocumentKey.Single("p-never"), WriteOperation.Replace, Json("""{"v":1}"""))]));
    }

    [Fact]
    public async Task WriteAsync_CheckAtTheReadVersion_SucceedsAndKeepsTheBody()
    {
        // A unit of work's check of a partition guard it only read (Cosmos DB writes the same body
        // back under the condition, so only the body is the same afterwards, not the ETag).
        var store = await CreateStoreAsync();
        var guard = new DocumentKey("p-check", "guard");
        await store.WriteAsync([DocumentWrite.Create(Container, guard, Json("""{"g":1}"""))]);
        var read = await ReadOneAsync(store, Container, guard);

        await store.WriteAsync([new DocumentWrite(Container, guard, WriteOperation.Check, Json("""{"g":1}"""), read.ETag)]);

        AssertSameJson("""{"g":1}""", (await ReadOneAsync(store, Container, guard)).Body);
    }

    [Fact]
    public async Task WriteAsync_CheckOfAChangedOrCreatedDocument_ThrowsConflict()
    {
        var store = await CreateStoreAsync();
        var guard = new DocumentKey("p-check", "guard");
        await store.WriteAsync([DocumentWrite.Create(Container, guard, Json("""{"g":1}"""))]);
        var stale = (await ReadOneAsync(store, Container, guard)).ETag;
        await store.WriteAsync([DocumentWrite.Upsert(Container, guard, Json("""{"g":2}"""))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, guard, WriteOperation.Check, Json("""{"g":2}"""), stale)]));
        // Read as absent, created since.
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite(Container, guard, WriteOperation.Check, Json("""{"g":2}"""))]));
        AssertSameJson("""{"g":2}""", (await ReadOneAsync(store, Container, guard)).Body);
    }

    [Fact]
    public async Task WriteAsync_DeleteWithStaleETag_ThrowsConflictAndKeepsTheDocument()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-delete-stale");
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":1}"""))]);
        var stale = await ReadOneAsync(store, Container, key);
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":2}"""))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([DocumentWrite.Delete(Container, key, stale.ETag)]));

        AssertSameJson("""{"v":2}""", (await ReadOneAsync(store, Container, key)).Body);
    }

    [Fact]
    public async Task WriteAsync_DeleteOfMissingDocumentWithoutETag_Succeeds()
    {
        var store = await CreateStoreAsync();

        await store.WriteAsync([DocumentWrite.Delete(Container, DocumentKey.Single("p-never-there"))]);
    }

    [Fact]
    public async Task WriteAsync_WritesToManyPartitions_AppliesEveryOne()
    {
        var store = await CreateStoreAsync();
        var keys = Enumerable.Range(0, 20).Select(i => DocumentKey.Single($"p-many-{i:00}")).ToList();

        await store.WriteAsync(keys.Select((k, i) => DocumentWrite.Upsert(Container, k, Json($$"""{"i":{{i}}}"""))).ToList());

        var read = await store.ReadAsync(Container, keys);
        Assert.Equal(keys, read.Select(d => d.Key));
        AssertSameJson("""{"i":19}""", read[19].Body);
    }

    [Fact]
    public async Task WriteAsync_SameKeyInTwoContainers_KeepsThemApart()
    {
        var store = await CreateStoreAsync();
        var key = DocumentKey.Single("p-order");

        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":1}""")), DocumentWrite.Upsert(Containers.Scores, key, Json("""{"s":1}"""))]);
        await store.WriteAsync([DocumentWrite.Upsert(Container, key, Json("""{"v":2}"""))]);

        AssertSameJson("""{"v":2}""", (await ReadOneAsync(store, Container, key)).Body);
        AssertSameJson("""{"s":1}""", (await ReadOneAsync(store, Containers.Scores, key)).Body);
    }
}
