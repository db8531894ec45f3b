using Customer360Hub.Checkpoints;
using Customer360Hub.Embedded.Checkpoints;

namespace Customer360Hub.Azure.UnitTests.Checkpoints;

public sealed class FileCheckpointStoreContractTests : CheckpointStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("c360-checkpoints-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override Task<ICheckpointStore> CreateStoreAsync() =>
        Task.FromResult<ICheckpointStore>(new FileCheckpointStore(Path.Combine(_folder, Guid.NewGuid().ToString("N"))));
}
