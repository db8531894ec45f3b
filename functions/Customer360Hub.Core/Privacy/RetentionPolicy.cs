using Microsoft.Extensions.Options;

namespace Customer360Hub.Privacy;

/// <summary>Turns the retention settings into a document's time to live.</summary>
public sealed class RetentionPolicy(IOptions<RetentionOptions> options, TimeProvider time)
{
    /// <summary>The time left for a transaction of <paramref name="kind"/>; null when kept forever, zero or less when already past.</summary>
    public TimeSpan? ForTransaction(string kind, DateTimeOffset occurredAt) =>
        options.Value.Transactions.TryGetValue(kind, out var keep) ? occurredAt + keep - time.GetUtcNow() : null;

    public bool IsExpired(string kind, DateTimeOffset occurredAt) => ForTransaction(kind, occurredAt) is { } left && left <= TimeSpan.Zero;

    public TimeSpan? History => options.Value.History;

    public TimeSpan? Quarantine => options.Value.Quarantine;
}
