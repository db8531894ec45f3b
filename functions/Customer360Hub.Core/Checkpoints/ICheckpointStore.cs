namespace Customer360Hub.Checkpoints;

/// <summary>Connector cursors. Embedded: files in the data folder. Azure: blobs with ETag conditions.</summary>
public interface ICheckpointStore
{
    /// <summary>The checkpoint, or null before the first sync.</summary>
    Task<Checkpoint?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a new value. <paramref name="expectedETag"/> is the ETag read before (null for the
    /// first save); a mismatch throws <see cref="Storage.DocumentConflictException"/>.
    /// </summary>
    Task<Checkpoint> SaveAsync(string name, string value, string? expectedETag, CancellationToken cancellationToken = default);
}
