using System.Text;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Storage;

namespace Customer360Hub.Core.UnitTests.Storage;

public sealed class UnitOfWorkStoreTests : IDisposable
{
    private const string C = "profiles";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDocumentStore _inner;
    private readonly UnitOfWorkStore _store;

    public UnitOfWorkStoreTests()
    {
        _inner = new SqliteDocumentStore(Path.Combine(_folder, "store.db"), TimeProvider.System);
        _store = new UnitOfWorkStore(_inner);
    }

    public void Dispose()
    {
        _inner.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Write_InsideUnit_VisibleToItsReadsOnlyUntilCommit()
    {
        await using (var work = _store.Begin())
        {
            await _store.WriteAsync([DocumentWrite.Create(C, Key("a"), Body("1"))]);
            var inUnit = Assert.Single(await _store.ReadAsync(C, [Key("a")]));
            await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("2"), inUnit.ETag)]);

            Assert.Equal("2", Text(Assert.Single(await _store.ReadAsync(C, [Key("a")]))));
            Assert.Empty(await _inner.ReadAsync(C, [Key("a")]));
            await work.CommitAsync();
        }

        Assert.Equal("2", Text(Assert.Single(await _inner.ReadAsync(C, [Key("a")]))));
    }

    [Fact]
    public async Task Dispose_WithoutCommit_DropsTheWritesAndEndsTheScope()
    {
        await using (_store.Begin())
        {
            await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("1"))]);
        }

        Assert.Empty(await _store.ReadAsync(C, [Key("a")]));
        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("b"), Body("direct"))]);
        Assert.Single(await _inner.ReadAsync(C, [Key("b")]));
    }

    [Fact]
    public async Task Write_StaleETagInsideUnit_ConflictsLikeTheStore()
    {
        await _inner.WriteAsync([DocumentWrite.Create(C, Key("a"), Body("1"))]);
        await using var work = _store.Begin();
        var read = Assert.Single(await _store.ReadAsync(C, [Key("a")]));
        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("2"), read.ETag)]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("3"), read.ETag)]));
        await Assert.ThrowsAsync<DocumentConflictException>(() => _store.WriteAsync([DocumentWrite.Create(C, Key("a"), Body("4"))]));
    }

    [Fact]
    public async Task Commit_DocumentChangedByAnotherWriter_FailsAndAppliesNothing()
    {
        await _inner.WriteAsync([DocumentWrite.Create(C, Key("a"), Body("1"))]);
        await using var work = _store.Begin();
        var read = Assert.Single(await _store.ReadAsync(C, [Key("a")]));
        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("mine"), read.ETag), DocumentWrite.Create(C, Key("b"), Body("new"))]);

        await _inner.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("theirs"))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => work.CommitAsync());
        Assert.Equal("theirs", Text(Assert.Single(await _inner.ReadAsync(C, [Key("a")]))));
        Assert.Empty(await _inner.ReadAsync(C, [Key("b")]));
    }

    [Fact]
    public async Task Commit_BlindUpsertAndDelete_AreAppliedUnconditionally()
    {
        await _inner.WriteAsync([DocumentWrite.Create(C, Key("gone"), Body("x")), DocumentWrite.Create(C, Key("kept"), Body("old"))]);
        await using (var work = _store.Begin())
        {
            await _store.WriteAsync([DocumentWrite.Upsert(C, Key("kept"), Body("new")), DocumentWrite.Delete(C, Key("gone"))]);
            Assert.Equal("new", Text(Assert.Single(await _store.ReadAsync(C, [Key("kept")]))));
            Assert.Empty(await _store.ReadAsync(C, [Key("gone")]));
            await work.CommitAsync();
        }

        Assert.Equal("new", Text(Assert.Single(await _inner.ReadAsync(C, [Key("kept")]))));
        Assert.Empty(await _inner.ReadAsync(C, [Key("gone")]));
    }

    [Fact]
    public async Task Query_PartitionWithBufferedChanges_MergesAndPages()
    {
        await _inner.WriteAsync(new[] { "01", "02", "03", "04" }.Select(id => DocumentWrite.Upsert("timeline", new DocumentKey("p1", id), Body("c" + id))).ToList());
        await using var work = _store.Begin();
        await _store.WriteAsync(
        [
            DocumentWrite.Delete("timeline", new DocumentKey("p1", "02")),
            DocumentWrite.Upsert("timeline", new DocumentKey("p1", "03"), Body("u03")),
            DocumentWrite.Upsert("timeline", new DocumentKey("p1", "05"), Body("n05")),
            DocumentWrite.Upsert("timeline", new DocumentKey("p2", "99"), Body("other")),
        ]);

        var first = await _store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 2, Descending: true));
        var second = await _store.QueryAsync("timeline", "p1", new DocumentQuery(Limit: 2, Descending: true, ContinuationToken: first.ContinuationToken));

        Assert.Equal(["n05", "c04", "u03", "c01"], first.Items.Concat(second.Items).Select(Text));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task Commit_AnotherUnitAddedToAPartitionThisOneQueried_FailsSoNeitherMissesTheOther()
    {
        // Two resolvers each look for candidates under one index key, find none, and add their own
        // record: without a guard both would commit, and the two records would never meet.
        using var bothQueried = new Barrier(2);
        async Task ClaimAsync(string id)
        {
            await using var work = _store.Begin();
            Assert.Empty((await _store.QueryAsync("identity", "email:a@x.org", new DocumentQuery(Limit: 10))).Items);
            bothQueried.SignalAndWait();
            await _store.WriteAsync([DocumentWrite.Upsert("identity", new DocumentKey("email:a@x.org", id), Body(id))]);
            await work.CommitAsync();
        }

        var first = Task.Run(() => ClaimAsync("r1"));
        var second = Task.Run(() => ClaimAsync("r2"));
        var outcomes = await Task.WhenAll(first.ContinueWith(t => t.Exception?.InnerException), second.ContinueWith(t => t.Exception?.InnerException));

        Assert.Single(outcomes, e => e is null);
        Assert.Single(outcomes, e => e is DocumentConflictException);
        Assert.Single((await _store.QueryAsync("identity", "email:a@x.org", new DocumentQuery(Limit: 10))).Items);
    }

    [Fact]
    public async Task Commit_WriteOutsideAnyUnitToAQueriedPartition_Fails()
    {
        await using var work = _store.Begin();
        await _store.QueryAsync("links", "crm/contacts/1", new DocumentQuery(Limit: 10));
        var steward = new UnitOfWorkStore(_inner);
        await steward.WriteAsync([DocumentWrite.Upsert("links", new DocumentKey("crm/contacts/1", "crm/contacts/2"), Body("link"))]);
        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("decided without the link"))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => work.CommitAsync());
        Assert.Empty(await _inner.ReadAsync(C, [Key("a")]));
    }

    [Fact]
    public async Task Commit_PartitionWrittenThenQueriedThenChangedByAnotherWriter_Fails()
    {
        // The unit writes into the partition first, so its guard is known before it is read; the
        // partition read for the query (and kept for the unit's later queries) must still be guarded.
        await using var work = _store.Begin();
        await _store.WriteAsync([DocumentWrite.Upsert("identity", new DocumentKey("email:a@x.org", "r1"), Body("r1"))]);
        await _store.QueryAsync("identity", "email:a@x.org", new DocumentQuery(Limit: 10));
        await new UnitOfWorkStore(_inner).WriteAsync([DocumentWrite.Upsert("identity", new DocumentKey("email:a@x.org", "r2"), Body("r2"))]);
        var again = await _store.QueryAsync("identity", "email:a@x.org", new DocumentQuery(Limit: 10));

        Assert.Equal(["r1"], again.Items.Select(Text));
        await Assert.ThrowsAsync<DocumentConflictException>(() => work.CommitAsync());
        Assert.Equal(["r2"], (await _inner.QueryAsync("identity", "email:a@x.org", new DocumentQuery(Limit: 10))).Items.Select(Text));
    }

    [Fact]
    public async Task Commit_UnitsThatOnlyQueriedTheSamePartition_BothCommit()
    {
        // A scorer and a resolver both read a customer's references and write elsewhere: neither
        // changed what the other read, so neither has to handle its batch again.
        await _store.WriteAsync([DocumentWrite.Upsert("refs", new DocumentKey("email:a@x.org", "party|r1"), Body("r1"))]);
        var first = _store.Begin();
        await _store.QueryAsync("refs", "email:a@x.org", new DocumentQuery(Limit: 10));
        var other = new UnitOfWorkStore(_inner);
        await using (var second = other.Begin())
        {
            await other.QueryAsync("refs", "email:a@x.org", new DocumentQuery(Limit: 10));
            await other.WriteAsync([DocumentWrite.Upsert("scores", Key("p2"), Body("score"))]);
            await second.CommitAsync();
        }

        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("p1"), Body("profile"))]);
        await first.CommitAsync();
        await first.DisposeAsync();

        Assert.Single(await _inner.ReadAsync(C, [Key("p1")]));
        Assert.Single(await _inner.ReadAsync("scores", [Key("p2")]));
    }

    [Fact]
    public async Task Commit_PartitionOnlyQueriedThenWrittenByAnotherUnit_Fails()
    {
        // Checking a guard instead of bumping it must still catch a writer of the partition read.
        await using var work = _store.Begin();
        await _store.QueryAsync("refs", "email:a@x.org", new DocumentQuery(Limit: 10));
        var other = new UnitOfWorkStore(_inner);
        await using (var writer = other.Begin())
        {
            await other.QueryAsync("refs", "email:a@x.org", new DocumentQuery(Limit: 10));
            await other.WriteAsync([DocumentWrite.Upsert("refs", new DocumentKey("email:a@x.org", "party|r2"), Body("r2"))]);
            await writer.CommitAsync();
        }

        await _store.WriteAsync([DocumentWrite.Upsert(C, Key("a"), Body("decided without r2"))]);

        await Assert.ThrowsAsync<DocumentConflictException>(() => work.CommitAsync());
        Assert.Empty(await _inner.ReadAsync(C, [Key("a")]));
    }

    [Fact]
    public async Task Scan_PartitionGuards_AreNeverReturned()
    {
        await _store.WriteAsync([DocumentWrite.Upsert("links", new DocumentKey("crm/contacts/1", "crm/contacts/2"), Body("link"))]);

        var scanned = new List<StoredDocument>();
        await foreach (var document in _store.ScanAsync("links"))
        {
            scanned.Add(document);
        }

        Assert.Equal(["link"], scanned.Select(Text));
    }

    [Fact]
    public async Task Begin_Twice_InOneFlowIsRejected()
    {
        await using var work = _store.Begin();
        Assert.Throws<InvalidOperationException>(() => _store.Begin());
    }

    private static DocumentKey Key(string id) => DocumentKey.Single(id);

    [Fact]
    public async Task Write_WithoutPartitionGuards_StoresOnlyTheDocuments()
    {
        var single = new UnitOfWorkStore(_inner, guardPartitions: false);
        await single.WriteAsync([DocumentWrite.Upsert("identity", new DocumentKey("email:a@x.org", "r1"), Body("r1"))]);
        await _store.WriteAsync([DocumentWrite.Upsert("identity", new DocumentKey("email:b@x.org", "r2"), Body("r2"))]);

        var stored = await _inner.ScanAsync("identity").Select(d => d.Key.PartitionKey).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.Contains("email:a@x.org", stored);
        Assert.Single(stored, k => k.StartsWith("~guard-", StringComparison.Ordinal));
    }

    [Fact]
    public void Begin_WithoutPartitionGuards_Throws()
    {
        var single = new UnitOfWorkStore(_inner, guardPartitions: false);

        Assert.Throws<InvalidOperationException>(() => single.Begin());
    }

    private static byte[] Body(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(StoredDocument document) => Encoding.UTF8.GetString(document.Body.Span);
}
