namespace Customer360Hub.Api.Profiles;

/// <summary>
/// A steward decision as posted to <c>/api/v1/identity/decisions</c>. <c>neverMatch</c> and
/// <c>forceMatch</c> name two records (<c>source/entityType/recordId</c>); <c>merge</c> names two
/// profiles; <c>split</c> names a profile and the records to take out of it.
/// </summary>
public sealed record StewardRequest(
    string? Action,
    string? Reason,
    string? RecordKey = null,
    string? OtherKey = null,
    string? ProfileId = null,
    string? OtherProfileId = null,
    IReadOnlyList<string>? RecordKeys = null,
    DateTimeOffset? EffectiveFrom = null);
