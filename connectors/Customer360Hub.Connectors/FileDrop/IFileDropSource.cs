namespace Customer360Hub.Connectors.FileDrop;

/// <summary>
/// Where batch files are dropped. Locally a folder (<see cref="FolderFileDropSource"/>); in Azure a
/// Blob container. Files are read in name order; a file must appear whole (write, then rename).
/// </summary>
public interface IFileDropSource
{
    /// <summary>The files (<c>*.csv</c>, <c>*.ndjson</c>, <c>*.jsonl</c>) in name order.</summary>
    Task<IReadOnlyList<DropFile>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the file from <paramref name="offset"/> bytes on.</summary>
    Task<Stream> OpenReadAsync(string name, long offset, CancellationToken cancellationToken = default);
}
