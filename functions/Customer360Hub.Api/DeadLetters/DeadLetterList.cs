namespace Customer360Hub.Api.DeadLetters;

/// <summary>The oldest dead letters of one subscription (at most <see cref="DeadLetterHandlers.MaxListed"/>).</summary>
public sealed record DeadLetterList(string Topic, string Subscription, IReadOnlyList<DeadLetterView> Items);
