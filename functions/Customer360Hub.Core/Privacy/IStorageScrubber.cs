namespace Customer360Hub.Privacy;

/// <summary>
/// Makes deleted data unrecoverable from a store's files after an erasure (SQLite: deleted pages are
/// zeroed by secure_delete; this rebuilds the file and truncates the write-ahead log). Cloud stores need none.
/// </summary>
public interface IStorageScrubber
{
    Task ScrubAsync(CancellationToken cancellationToken = default);
}
