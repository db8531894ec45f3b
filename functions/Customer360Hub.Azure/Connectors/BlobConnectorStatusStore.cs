using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Azure.Connectors;

/// <summary>
/// Connector health as one small JSON blob per source under <c>connector-status/</c>, so the HTTP
/// function and every connector timer see the same figures. Last writer wins: each blob is written
/// only by its own connector's runner.
/// </summary>
public sealed class BlobConnectorStatusStore(BlobContainerClient container) : IConnectorStatusStore
{
    private const string Prefix = "connector-status/";

    public async Task<IReadOnlyList<ConnectorStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<ConnectorStatus>();
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return statuses;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, ConnectorStatusJson.Default.ConnectorStatus) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    public async Task SaveAsync(ConnectorStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        await container.GetBlobClient(Prefix + status.Source + ".json").UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(status, ConnectorStatusJson.Default.ConnectorStatus)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken).ConfigureAwait(false);
    }
}
