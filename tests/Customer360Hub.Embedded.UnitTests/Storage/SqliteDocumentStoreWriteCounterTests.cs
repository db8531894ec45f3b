using Customer360Hub.Embedded.Storage;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.UnitTests.Storage;

public sealed class SqliteDocumentStoreWriteCounterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task WritesToPartition_ChangesAfterEveryCommittedWriteInThePartitionOnly()
    {
        using var store = new SqliteDocumentStore(_folder.File("store.db"), TimeProvider.System);
        var key = DocumentKey.Single("p-1");
        var before = store.WritesToPartition("p-1");

        await store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Upsert, "{}"u8.ToArray())]);
        var afterUpsert = store.WritesToPartition("p-1");
        await store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Delete, default)]);
        var afterDelete = store.WritesToPartition("p-1");
        await store.WriteAsync([new DocumentWrite("scores", new DocumentKey("p-1", "score"), WriteOperation.Upsert, "{}"u8.ToArray())]);
        var afterOtherContainer = store.WritesToPartition("p-1");
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.WriteAsync([new DocumentWrite("profiles", key, WriteOperation.Replace, "{}"u8.ToArray(), "\"stale\"")]));

        Assert.NotEqual(before, afterUpsert);
        Assert.NotEqual(afterUpsert, afterDelete);
        Assert.NotEqual(afterDelete, afterOtherContainer);
        Assert.Equal(afterOtherContainer, store.WritesToPartition("p-1"));
    }

    public void Dispose() => _folder.Dispose();
}
