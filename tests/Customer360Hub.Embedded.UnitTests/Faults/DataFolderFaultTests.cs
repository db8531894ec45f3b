using System.Text;
using Customer360Hub.Embedded.Archive;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Embedded.UnitTests.Support;
using Customer360Hub.Storage;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.UnitTests.Faults;

public sealed class DataFolderFaultTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Write_StoreFileLockedByAnotherProcess_ClearErrorThenRecoversWithoutCorruption()
    {
        var path = _folder.File("store.db");
        using var store = new SqliteDocumentStore(path, TimeProvider.System, busyTimeout: TimeSpan.FromSeconds(1));
        await store.WriteAsync([DocumentWrite.Create("profiles", DocumentKey.Single("before"), Encoding.UTF8.GetBytes("{}"))]);

        using (var locker = TestWorkerProcess.Start("lock", path))
        {
            Assert.Equal("LOCKED", await locker.ReadLineAsync(TimeSpan.FromSeconds(60)));

            var error = await Assert.ThrowsAsync<DataFolderUnavailableException>(() =>
                store.WriteAsync([DocumentWrite.Create("profiles", DocumentKey.Single("during"), Encoding.UTF8.GetBytes("{}"))]));
            Assert.Contains("is locked by another process", error.Message, StringComparison.Ordinal);
            await locker.KillAsync();
        }

        await store.WriteAsync([DocumentWrite.Create("profiles", DocumentKey.Single("after"), Encoding.UTF8.GetBytes("{}"))]);
        Assert.Equal(["after", "before"], (await store.ReadAsync("profiles", [DocumentKey.Single("before"), DocumentKey.Single("during"), DocumentKey.Single("after")])).Select(d => d.Key.Id).Order());
        Assert.Equal("ok", IntegrityCheck(path));
    }

    [Fact]
    public async Task Write_DiskFull_ClearErrorAndEveryCommittedDocumentSurvives()
    {
        using var disk = TinyDisk.Mount(kilobytes: 1024);
        var path = Path.Combine(disk.Path, "store.db");
        var body = Encoding.UTF8.GetBytes(new string('x', 16 * 1024));
        var committed = new List<string>();
        DataFolderUnavailableException? full = null;
        using (var store = new SqliteDocumentStore(path, TimeProvider.System))
        {
            for (var i = 0; i < 1000 && full is null; i++)
            {
                var id = "doc-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    await store.WriteAsync([DocumentWrite.Create("profiles", DocumentKey.Single(id), body)]);
                    committed.Add(id);
                }
                catch (DataFolderUnavailableException ex)
                {
                    full = ex;
                }
            }

            Assert.NotNull(full);
            Assert.Contains("is full", full.Message, StringComparison.Ordinal);
            Assert.NotEmpty(committed);
        }

        using var reopened = new SqliteDocumentStore(path, TimeProvider.System);
        Assert.Equal(committed.Count, (await reopened.ReadAsync("profiles", committed.Select(DocumentKey.Single).ToList())).Count);
        Assert.Equal("ok", IntegrityCheck(path));
    }

    [Fact]
    public async Task StoreRawPage_DiskFull_ClearErrorAndNoPartialPage()
    {
        using var disk = TinyDisk.Mount(kilobytes: 256);
        var archive = new FolderRawArchive(disk.Path, TimeProvider.System);

        var error = await Assert.ThrowsAsync<DataFolderUnavailableException>(() => archive.StoreAsync("zendesk", "users", new byte[512 * 1024]));

        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "*", SearchOption.AllDirectories));
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
