namespace Customer360Hub.Privacy;

/// <summary>
/// Data derived from profiles that lives outside the hub's own containers and that an erasure must
/// take out with them, such as the API's lookup index (emails, phones, name tokens to profiles).
/// Called after the profiles are deleted, before the store files are scrubbed.
/// </summary>
public interface IDerivedDataEraser
{
    /// <summary>Removes everything derived from these (now deleted) profiles; returns how many documents went.</summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default);
}
