namespace Customer360Hub.Connectors.Sdk;

/// <summary>Health of one connector: when it last synced, what it moved, and what went wrong.</summary>
public sealed record ConnectorStatus(
    string Source,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    long Pages,
    long Records,
    long Quarantined,
    long Errors)
{
    /// <summary>Time since the last successful pass ended (null before the first).</summary>
    public TimeSpan? LagAt(DateTimeOffset now) => LastSuccessAt is { } at ? now - at : null;
}
