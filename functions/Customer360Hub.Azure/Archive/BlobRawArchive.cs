using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Customer360Hub.Archive;

namespace Customer360Hub.Azure.Archive;

/// <summary>
/// Raw pages as blobs named like the folder archive (<c>source/entityType/yyyy/MM/dd/…json</c>).
/// A page is written once (If-None-Match: *); the only overwrite is an erasure's redaction,
/// conditional on the ETag just read and marked in the blob's metadata.
/// </summary>
public sealed class BlobRawArchive(BlobContainerClient container, TimeProvider time) : IRawArchive
{
    public async Task<string> StoreAsync(string source, string entityType, ReadOnlyMemory<byte> page, CancellationToken cancellationToken = default)
    {
        var reference = ArchiveReferences.For(source, entityType, time.GetUtcNow(), page.Span);
        try
        {
            await container.GetBlobClient(reference).UploadAsync(
                BinaryData.FromBytes(page),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The same page in the same millisecond: already archived, and never overwritten.
        }

        return reference;
    }

    public async Task<ReadOnlyMemory<byte>?> ReadAsync(string reference, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(ArchiveReferences.Validate(reference)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return blob.Name;
        }
    }

    public async Task RedactAsync(string reference, ReadOnlyMemory<byte> redactedPage, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(ArchiveReferences.Validate(reference));
        ETag current;
        try
        {
            current = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"No archived page '{reference}'.", reference, ex);
        }

        await blob.UploadAsync(
            BinaryData.FromBytes(redactedPage),
            new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfMatch = current },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["redacted"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            },
            cancellationToken).ConfigureAwait(false);
    }
}
