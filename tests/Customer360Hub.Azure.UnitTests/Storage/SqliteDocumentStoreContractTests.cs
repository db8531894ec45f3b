using Customer360Hub.Embedded.Storage;
using Customer360Hub.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>The embedded home of the profile store against the whole contract.</summary>
public sealed class SqliteDocumentStoreContractTests : DocumentStoreFullContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("c360-store-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<SqliteDocumentStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    protected override Task<IDocumentStore> CreateStoreAsync()
    {
        var store = new SqliteDocumentStore(Path.Combine(_folder, $"store-{_stores.Count}.db"), _time);
        _stores.Add(store);
        return Task.FromResult<IDocumentStore>(store);
    }

    protected override Task AdvanceTimeAsync(TimeSpan time)
    {
        _time.Advance(time);
        return Task.CompletedTask;
    }
}
