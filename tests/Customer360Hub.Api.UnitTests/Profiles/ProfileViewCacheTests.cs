using System.Net;
using Customer360Hub.Api.UnitTests.Support;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.Profiles;

/// <summary>The hot path of GET profile: a current cached view is served without reading the store, and a write makes it re-read.</summary>
public sealed class ProfileViewCacheTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private CountingStore _counting = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(services: s => s.AddSingleton<IDocumentStore>(sp =>
            _counting = new CountingStore(sp.GetRequiredService<SqliteDocumentStore>())));
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetProfile_RepeatedWithoutWrites_IsServedWithoutReadingTheStore()
    {
        using var client = _host.Client(Keys.Sales);
        var uri = new Uri($"profiles/{SampleProfiles.JaneId}", UriKind.Relative);
        using var first = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var readsAfterFirst = _counting.Reads;

        for (var i = 0; i < 5; i++)
        {
            using var again = await client.GetAsync(uri);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        }

        Assert.Equal(readsAfterFirst, _counting.Reads);

        var stored = await _host.Store.Profiles.GetAsync(DocumentKey.Single(SampleProfiles.JaneId));
        var changed = stored!.Document with { Fields = new(stored.Document.Fields) { ["city"] = new GoldenValue("Chicago", "crm", "1", SampleProfiles.Now, "most-recent") } };
        await _host.Store.Documents.WriteAsync([_host.Store.Profiles.Replace(stored.Key, changed, stored.ETag)]);
        var readsBeforeChange = _counting.Reads;

        using var afterWrite = await client.GetAsync(uri);
        Assert.True(_counting.Reads > readsBeforeChange);
        Assert.NotEqual(first.Headers.ETag, afterWrite.Headers.ETag);
        Assert.Contains("Chicago", await afterWrite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The embedded store, counting point reads; it keeps the write counter capability.</summary>
    private sealed class CountingStore(SqliteDocumentStore inner) : IDocumentStore, IDocumentWriteCounter
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.ReadAsync(container, keys, cancellationToken);
        }

        public Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(container, partitionKey, query, cancellationToken);

        public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.WriteAsync(writes, cancellationToken);

        public IAsyncEnumerable<StoredDocument> ScanAsync(string container, CancellationToken cancellationToken = default) => inner.ScanAsync(container, cancellationToken);

        public long WritesToPartition(string partitionKey) => inner.WritesToPartition(partitionKey);
    }
}
