using Customer360Hub.Embedded.Storage;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.UnitTests.Storage;

public sealed class SqliteDocumentStoreWriteCounterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task WritesTo_ChangesAfterEveryCommittedWriteOfTheDocumentOnly()
    {
        using var store = new SqliteDocumentStore(_folder.File("store.db"), TimeProvider.System);
        var key = DocumentKey.Single("p-1");
        var before = store.WritesTo("profiles", key);

        await store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Upsert, "{}"u8.ToArray())]);
        var afterUpsert = store.WritesTo("profiles", key);
        await store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Delete, default)]);
        var afterDelete = store.WritesTo("profiles", key);
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Replace, "{}"u8.ToArray(), "\"stale\"")]));

        Assert.NotEqual(before, afterUpsert);
        Assert.NotEqual(afterUpsert, afterDelete);
        Assert.Equal(afterDelete, store.WritesTo("profiles", key));
    }

    public void Dispose() => _folder.Dispose();
}
