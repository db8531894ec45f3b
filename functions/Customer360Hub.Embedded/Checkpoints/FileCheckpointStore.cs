using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Customer360Hub.Checkpoints;
using Customer360Hub.Storage;

namespace Customer360Hub.Embedded.Checkpoints;

/// <summary>Connector checkpoints as small JSON files, replaced atomically, with ETag checks.</summary>
public sealed partial class FileCheckpointStore(string folder) : ICheckpointStore
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<Checkpoint?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), CheckpointJson.Default.StoredCheckpoint)
            ?? throw new InvalidDataException($"Checkpoint file '{path}' is empty.");
        return new Checkpoint(name, stored.Value, stored.ETag);
    }

    public async Task<Checkpoint> SaveAsync(string name, string value, string? expectedETag, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (current?.ETag != expectedETag)
            {
                throw new DocumentConflictException($"Checkpoint '{name}' was moved by another runner.");
            }

            var etag = Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            var path = PathOf(name);
            Directory.CreateDirectory(folder);
            var temporary = path + ".tmp";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await JsonSerializer.SerializeAsync(file, new StoredCheckpoint(value, etag), CheckpointJson.Default.StoredCheckpoint, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return new Checkpoint(name, value, etag);
        }
        finally
        {
            _lock.Release();
        }
    }

    private string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(folder, safe + ".json");
    }

    internal sealed record StoredCheckpoint(string Value, string ETag);

    [JsonSerializable(typeof(StoredCheckpoint))]
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    internal sealed partial class CheckpointJson : JsonSerializerContext;
}
