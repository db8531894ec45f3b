using Customer360Hub.Embedded.Storage;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.UnitTests.Storage;

public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Data_SurvivesReopeningTheFile()
    {
        var path = _folder.File("store.db");
        using (var store = new SqliteDocumentStore(path, TimeProvider.System))
        {
            await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("kept"), Body("durable"))]);
        }

        using var reopened = new SqliteDocumentStore(path, TimeProvider.System);
        Assert.Equal("durable", Text(Assert.Single(await reopened.ReadAsync(Container, [DocumentKey.Single("kept")]))));
    }

    protected override IDocumentStore CreateStore() => new SqliteDocumentStore(_folder.File("store.db"), TimeProvider.System);

    protected override void DisposeFixture() => _folder.Dispose();
}
