#if COSMOS_EMULATOR
using Customer360Hub.Azure.Storage;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>
/// The whole store contract against the official Cosmos DB emulator. Compiled only with
/// <c>-p:CosmosEmulator=true</c> (the emulator job in <c>.github/workflows/ci.yml</c>), because the
/// local stand-in cannot run queries, batches or missing-item reads.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosDocumentStoreFullContractTests(CosmosFixture fixture) : DocumentStoreFullContract
{
    protected override async Task<IDocumentStore> CreateStoreAsync()
    {
        Assert.True(fixture.IsOfficialEmulator, "Set C360_COSMOS_EMULATOR_ENDPOINT and C360_COSMOS_EMULATOR_KEY to the official emulator.");
        return new CosmosDocumentStore(await fixture.CreateDatabaseAsync());
    }

    // The server's clock: Cosmos DB hides an expired item from reads at once and deletes it later.
    protected override Task AdvanceTimeAsync(TimeSpan time) => Task.Delay(time);
}
#endif
