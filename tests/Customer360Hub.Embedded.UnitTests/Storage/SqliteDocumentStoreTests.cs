using System.Text;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Storage;
using Microsoft.Data.Sqlite;

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

    [Fact]
    public async Task Query_IdBelowDescending_ReadsTheNewestBeforeAnId()
    {
        using var store = NewSqliteStore();
        await store.WriteAsync(new[] { "v:1", "v:3", "v:5", "w:9" }.Select(id => DocumentWrite.Create("history", new DocumentKey("p", id), Body(id))).ToList());

        var page = await store.QueryAsync("history", "p", new DocumentQuery(Limit: 1, Descending: true, IdPrefix: "v:", IdBelow: "v:4"));
        var all = await store.QueryAsync("history", "p", new DocumentQuery(Limit: 10, IdPrefix: "v:", IdBelow: "v:9"));

        Assert.Equal("v:3", Assert.Single(page.Items).Key.Id);
        Assert.Equal(["v:1", "v:3", "v:5"], all.Items.Select(i => i.Key.Id));
    }

    [Fact]
    public async Task Scrub_AfterDelete_LeavesTheDeletedBytesInNoFile()
    {
        var path = _folder.File("store.db");
        using (var store = NewSqliteStore())
        {
            await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("secret-key-zq"), Body("zq-secret-body-value"))]);
            await store.WriteAsync([DocumentWrite.Delete(Container, DocumentKey.Single("secret-key-zq"))]);

            await store.ScrubAsync();

            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!))
            {
                var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
                Assert.DoesNotContain("zq-secret-body-value", text, StringComparison.Ordinal);
                Assert.DoesNotContain("secret-key-zq", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Scrub_WhileAReaderHoldsAnOlderSnapshot_WaitsForTheReaderAndSucceeds()
    {
        using var store = NewSqliteStore();
        await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("before"), Body("before"))]);
        using var reader = new SqliteConnection($"Data Source={_folder.File("store.db")}");
        reader.Open();
        using var snapshot = reader.BeginTransaction(deferred: true);
        using (var select = reader.CreateCommand())
        {
            select.Transaction = snapshot;
            select.CommandText = "SELECT count(*) FROM documents;";
            Assert.Equal(1L, select.ExecuteScalar());
        }

        await store.WriteAsync([DocumentWrite.Create(Container, DocumentKey.Single("secret-key-zq"), Body("zq-secret-body-value"))]);
        await store.WriteAsync([DocumentWrite.Delete(Container, DocumentKey.Single("secret-key-zq"))]);

        // The log cannot be truncated while the reader is on its old snapshot; the reader moves on a moment later.
        var scrub = store.ScrubAsync();
        await Task.Delay(300);
        Assert.False(scrub.IsCompleted);
        snapshot.Commit();
        await scrub.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, new FileInfo(_folder.File("store.db") + "-wal").Length);
    }

    private SqliteDocumentStore NewSqliteStore() => new(_folder.File("store.db"), TimeProvider.System);

    protected override IDocumentStore CreateStore() => new SqliteDocumentStore(_folder.File("store.db"), TimeProvider.System);

    protected override void DisposeFixture() => _folder.Dispose();
}
