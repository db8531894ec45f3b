namespace Customer360Hub.Api.DeadLetters;

/// <summary>How many dead letters of a subscription were sent back to it.</summary>
public sealed record ReplayResult(string Topic, string Subscription, int Replayed);
