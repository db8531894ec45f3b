namespace Customer360Hub.Azure.Http;

public sealed record ReplayResult(string Topic, string Subscription, int Replayed);
