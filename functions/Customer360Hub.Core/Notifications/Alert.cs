namespace Customer360Hub.Notifications;

/// <summary>
/// Something a person should act on. <paramref name="DedupeKey"/> identifies the condition:
/// one alert per key per window.
/// </summary>
public sealed record Alert(
    string DedupeKey,
    string ProfileId,
    string Kind,
    string Severity,
    string Title,
    string Message,
    string NextStep,
    DateTimeOffset RaisedAt,
    string? Recipient = null);
