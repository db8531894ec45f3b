namespace Customer360Hub.Connectors.FileDrop;

/// <summary>A local folder as the drop location (optionally just one of its files).</summary>
public sealed class FolderFileDropSource : IFileDropSource
{
    private static readonly string[] Extensions = [".csv", ".ndjson", ".jsonl"];

    private readonly string _folder;
    private readonly string? _onlyFile;

    public FolderFileDropSource(string folder, string? onlyFile = null)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("The file-drop connector needs a folder: set Connectors:FileDrop:Folder.", nameof(folder));
        }

        _folder = folder;
        _onlyFile = onlyFile;
    }

    public Task<IReadOnlyList<DropFile>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DropFile> files = !Directory.Exists(_folder)
            ? []
            : new DirectoryInfo(_folder).EnumerateFiles()
                .Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase) && (_onlyFile is null || f.Name == _onlyFile))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new DropFile(f.Name, f.Length, f.LastWriteTimeUtc))
                .ToList();
        return Task.FromResult(files);
    }

    public Task<Stream> OpenReadAsync(string name, long offset, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(Path.Combine(_folder, name));
        if (!path.StartsWith(Path.GetFullPath(_folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a file of the drop folder.", nameof(name));
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(stream);
    }
}
