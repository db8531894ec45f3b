using Customer360Hub.Checkpoints;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Checkpoints;

/// <summary>What every <see cref="ICheckpointStore"/> must do: files and Blob Storage both run it.</summary>
public abstract class CheckpointStoreContract
{
    protected abstract Task<ICheckpointStore> CreateStoreAsync();

    [Fact]
    public async Task GetAsync_BeforeTheFirstSave_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("zendesk.users"));
    }

    [Fact]
    public async Task SaveAsync_ThenGet_ReturnsTheValueAndTheSameETag()
    {
        var store = await CreateStoreAsync();

        var saved = await store.SaveAsync("zendesk.users", "cursor-1", expectedETag: null);
        var read = await store.GetAsync("zendesk.users");

        Assert.Equal(new Checkpoint("zendesk.users", "cursor-1", saved.ETag), read);
    }

    [Fact]
    public async Task SaveAsync_WithTheETagRead_AdvancesTheCursor()
    {
        var store = await CreateStoreAsync();
        var first = await store.SaveAsync("bc.customers", "2026-11-01T00:00:00Z", null);

        var second = await store.SaveAsync("bc.customers", "2026-11-02T00:00:00Z", first.ETag);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("2026-11-02T00:00:00Z", (await store.GetAsync("bc.customers"))!.Value);
    }

    [Fact]
    public async Task SaveAsync_SecondRunnerWithAnOldETag_LosesAndLeavesTheWinnersCursor()
    {
        var store = await CreateStoreAsync();
        var read = await store.SaveAsync("zendesk.tickets", "a", null);
        await store.SaveAsync("zendesk.tickets", "b", read.ETag);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.SaveAsync("zendesk.tickets", "c", read.ETag));

        Assert.Equal("b", (await store.GetAsync("zendesk.tickets"))!.Value);
    }

    [Fact]
    public async Task SaveAsync_FirstSaveWhenAnotherRunnerAlreadySaved_Loses()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("zendesk.users", "theirs", null);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.SaveAsync("zendesk.users", "mine", null));
    }
}
