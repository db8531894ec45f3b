using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Customer360Hub.Connectors.FileDrop;

namespace Customer360Hub.Azure.Connectors;

/// <summary>
/// The Blob container <c>filedrop</c> as the batch drop location. Upload a file under a temporary
/// name (or into another container) and copy or rename it in when complete, so it is never read
/// half-written; names sort the reading order, as in a folder.
/// </summary>
public sealed class BlobFileDropSource(BlobContainerClient container) : IFileDropSource
{
    private static readonly string[] Extensions = [".csv", ".ndjson", ".jsonl"];

    public async Task<IReadOnlyList<DropFile>> ListAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<DropFile>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Extensions.Any(e => blob.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                files.Add(new DropFile(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    public async Task<Stream> OpenReadAsync(string name, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return await container.GetBlobClient(name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { Position = offset }, cancellationToken).ConfigureAwait(false);
    }
}
