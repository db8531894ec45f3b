using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Customer360Hub.Checkpoints;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.Checkpoints;

/// <summary>
/// Connector cursors as small text blobs. The blob's ETag is the checkpoint's ETag, so two runners
/// can never both advance a cursor: the second write fails its If-Match (or If-None-Match) condition.
/// </summary>
public sealed class BlobCheckpointStore(BlobContainerClient container) : ICheckpointStore
{
    public async Task<Checkpoint?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await BlobOf(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new Checkpoint(name, content.Value.Content.ToString(), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<Checkpoint> SaveAsync(string name, string value, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var conditions = expectedETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(expectedETag) };
        try
        {
            var saved = await BlobOf(name).UploadAsync(
                BinaryData.FromString(value),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
                cancellationToken).ConfigureAwait(false);
            return new Checkpoint(name, value, saved.Value.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new DocumentConflictException($"Checkpoint '{name}' was moved by another runner.", ex);
        }
    }

    private BlobClient BlobOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return container.GetBlobClient(safe + ".txt");
    }
}
