using Customer360Hub.Embedded.Storage;
using Customer360Hub.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Embedded.UnitTests.Storage;

public sealed class InMemoryDocumentStoreTests : DocumentStoreContractTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Read_AfterTimeToLive_DocumentIsGone()
    {
        var store = NewStore();
        var key = DocumentKey.Single("short-lived");
        await store.WriteAsync([new DocumentWrite(Container, key, WriteOperation.Upsert, Body("x"), TimeToLive: TimeSpan.FromMinutes(5))]);

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Empty(await store.ReadAsync(Container, [key]));
        Assert.Empty((await store.QueryAsync(Container, key.PartitionKey, new DocumentQuery())).Items);
    }

    protected override IDocumentStore CreateStore() => new InMemoryDocumentStore(_time);
}
