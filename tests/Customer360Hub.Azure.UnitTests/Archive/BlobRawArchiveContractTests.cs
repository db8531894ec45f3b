using Customer360Hub.Archive;
using Customer360Hub.Azure.Archive;
using Customer360Hub.Azure.UnitTests.Support;

namespace Customer360Hub.Azure.UnitTests.Archive;

[Collection(AzuriteCollection.Name)]
public sealed class BlobRawArchiveContractTests(AzuriteFixture azurite) : RawArchiveContract
{
    protected override async Task<IRawArchive> CreateArchiveAsync() => new BlobRawArchive(await azurite.CreateContainerAsync(), Time);
}
