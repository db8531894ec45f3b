namespace Customer360Hub.Messaging;

/// <summary>The hub's topics and subscriptions (the same names in Service Bus).</summary>
public static class Topics
{
    public const string SourceChanges = "source-changes";
    public const string ProfileChanges = "profile-changes";

    public const string ResolverSubscription = "resolver";
    public const string ScorerSubscription = "scorer";

    /// <summary>The API's lookup and search indexer.</summary>
    public const string LookupIndexerSubscription = "lookup-indexer";

    /// <summary>Topic to its subscriptions: publishing fans out to each.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Subscriptions { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [SourceChanges] = [ResolverSubscription],
        [ProfileChanges] = [ScorerSubscription, LookupIndexerSubscription],
    };
}
