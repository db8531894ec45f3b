using Customer360Hub.Azure.Checkpoints;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Checkpoints;

namespace Customer360Hub.Azure.UnitTests.Checkpoints;

[Collection(AzuriteCollection.Name)]
public sealed class BlobCheckpointStoreContractTests(AzuriteFixture azurite) : CheckpointStoreContract
{
    protected override async Task<ICheckpointStore> CreateStoreAsync() => new BlobCheckpointStore(await azurite.CreateContainerAsync());
}
