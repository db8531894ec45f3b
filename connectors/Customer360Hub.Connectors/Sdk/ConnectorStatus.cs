namespace Customer360Hub.Connectors.Sdk;

/// <summary>Health of one connector as seen by its runner.</summary>
public sealed record ConnectorStatus(
    string Source,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    long Pages,
    long Records,
    long Quarantined,
    long Errors);
