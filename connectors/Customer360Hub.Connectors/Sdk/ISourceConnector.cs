namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// A spoke: pulls pages of changes from one source system since a checkpoint. Everything else
/// (archiving, mapping, quarantine, publishing, checkpointing) is done by <see cref="ConnectorRunner"/>.
/// </summary>
public interface ISourceConnector
{
    /// <summary>The source system name used in record keys, e.g. <c>zendesk</c>.</summary>
    string Source { get; }

    /// <summary>The source entity types pulled, in the order they are synced.</summary>
    IReadOnlyList<string> EntityTypes { get; }

    /// <summary>The next page of <paramref name="entityType"/> after <paramref name="checkpoint"/> (null: from the beginning).</summary>
    Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default);
}
