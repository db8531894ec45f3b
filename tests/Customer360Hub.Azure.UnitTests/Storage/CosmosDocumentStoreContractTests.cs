using Customer360Hub.Azure.Storage;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>
/// The Cosmos DB home of the profile store against the part of the contract every stand-in
/// supports: here the npm cosmosdb-server, in CI's emulator job the official emulator (which also
/// runs <see cref="CosmosDocumentStoreFullContractTests"/>).
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosDocumentStoreContractTests(CosmosFixture fixture) : DocumentStoreContract
{
    protected override async Task<IDocumentStore> CreateStoreAsync() => new CosmosDocumentStore(await fixture.CreateDatabaseAsync());
}
