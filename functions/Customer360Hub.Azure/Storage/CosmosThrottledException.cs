namespace Customer360Hub.Azure.Storage;

/// <summary>
/// Cosmos DB kept answering 429 after the SDK's own retries. Transient: it propagates so the bus
/// redelivers the message later; <see cref="RetryAfter"/> is the service's hint.
/// </summary>
public sealed class CosmosThrottledException : Exception
{
    public CosmosThrottledException()
    {
    }

    public CosmosThrottledException(string message)
        : base(message)
    {
    }

    public CosmosThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CosmosThrottledException(string container, TimeSpan? retryAfter)
        : base($"Cosmos DB throttled requests to {container} (429); retry after {retryAfter?.TotalMilliseconds ?? 0:0} ms.")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan? RetryAfter { get; }
}
