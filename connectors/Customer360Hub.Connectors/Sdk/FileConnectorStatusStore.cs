using System.Text.Json;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>One small JSON file per connector, replaced atomically, readable while the hub runs.</summary>
public sealed class FileConnectorStatusStore(string folder) : IConnectorStatusStore
{
    public async Task<IReadOnlyList<ConnectorStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var statuses = new List<ConnectorStatus>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            if (await JsonSerializer.DeserializeAsync(stream, ConnectorStatusJson.Default.ConnectorStatus, cancellationToken).ConfigureAwait(false) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    public async Task SaveAsync(ConnectorStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, status.Source + ".json");
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(status, ConnectorStatusJson.Default.ConnectorStatus), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
