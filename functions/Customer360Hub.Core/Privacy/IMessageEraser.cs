namespace Customer360Hub.Privacy;

/// <summary>
/// Removes messages that carry an erased person's data from the bus: queued, in flight and
/// dead-lettered. Embedded: the SQLite bus. Azure: Service Bus (receive and complete the matches).
/// </summary>
public interface IMessageEraser
{
    /// <summary>Removes every message whose body <paramref name="carriesPerson"/> matches; returns how many.</summary>
    Task<int> EraseAsync(Func<ReadOnlyMemory<byte>, bool> carriesPerson, CancellationToken cancellationToken = default);
}
