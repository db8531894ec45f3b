namespace Customer360Hub.Messaging;

/// <summary>A message a handler will never be able to process, and why.</summary>
public sealed record Rejection(ReceivedMessage Message, string Reason);
