namespace Customer360Hub.Api.Connectors;

/// <summary>
/// One connector's health: <c>healthy</c> (last pass succeeded), <c>degraded</c> (the last pass
/// failed after earlier successes) or <c>failing</c> (never succeeded); lag is the time since the
/// last successful pass.
/// </summary>
public sealed record ConnectorHealthView(
    string Source,
    string State,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    double? LagSeconds,
    long Pages,
    long Records,
    long Quarantined,
    long Errors,
    string? LastError);
