namespace Customer360Hub.Api.DeadLetters;

/// <summary>Body of a replay: the dead letters to send back, or every one when <see cref="MessageIds"/> is null.</summary>
public sealed record ReplayRequest(IReadOnlyList<string>? MessageIds);
