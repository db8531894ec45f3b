using Customer360Hub.Archive;
using Customer360Hub.Embedded.Archive;

namespace Customer360Hub.Azure.UnitTests.Archive;

public sealed class FolderRawArchiveContractTests : RawArchiveContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("c360-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override Task<IRawArchive> CreateArchiveAsync() =>
        Task.FromResult<IRawArchive>(new FolderRawArchive(Path.Combine(_folder, Guid.NewGuid().ToString("N")), Time));
}
