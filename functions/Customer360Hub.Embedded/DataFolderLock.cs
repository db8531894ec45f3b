namespace Customer360Hub.Embedded;

/// <summary>
/// Holds an exclusive lock on the data folder for the life of a host, so two processes never
/// write the same state. The operating system releases it when the process dies, even by SIGKILL.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _lock;

    private DataFolderLock(FileStream lockFile) => _lock = lockFile;

    public static DataFolderLock Acquire(DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = folder.PathOf("c360.lock");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            file.Flush(flushToDisk: true);
            return new DataFolderLock(file);
        }
        catch (IOException ex)
        {
            throw new DataFolderUnavailableException(
                $"The data folder '{folder.Root}' is in use by another c360 process. Stop it, or pass another folder with --data.", ex);
        }
    }

    public void Dispose() => _lock.Dispose();
}
