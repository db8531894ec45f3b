using System.Net;

namespace Customer360Hub.Sandbox.Hosting;

/// <summary>
/// The sandbox's bad days, adjustable while it runs: latency, a share of requests answered 429
/// (with <c>Retry-After</c>) or 5xx, a share of records served malformed, and scripted failures
/// for tests (<see cref="FailNext"/>).
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<(HttpStatusCode Status, TimeSpan? RetryAfter)> _scripted = new();
    private readonly Random _random;

    public SandboxFaults(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Latency = options.Latency;
        RateLimitRate = options.RateLimitRate;
        ServerErrorRate = options.ServerErrorRate;
        MalformedRate = options.MalformedRate;
        RetryAfter = options.RetryAfter;
        _random = new Random(options.FaultSeed);
    }

    public TimeSpan Latency { get; set; }

    /// <summary>Share of requests answered 429 Too Many Requests.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>Share of requests answered 500/502/503.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of records served broken (no id, an unreadable timestamp, or no customer reference).</summary>
    public double MalformedRate { get; set; }

    /// <summary>The <c>Retry-After</c> sent with 429 and 503.</summary>
    public TimeSpan RetryAfter { get; set; }

    public long Requests { get; private set; }

    public long Failed { get; private set; }

    /// <summary>The next <paramref name="count"/> API requests fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Enqueue((status, retryAfter));
            }
        }
    }

    /// <summary>Whether a record is served malformed: decided by its id, so every re-read breaks the same records.</summary>
    public bool IsMalformed(string recordId) =>
        MalformedRate > 0 && (World.WorldRandom.StableHash(recordId) % 10_000) < MalformedRate * 10_000;

    internal (HttpStatusCode Status, TimeSpan? RetryAfter)? NextFailure()
    {
        lock (_gate)
        {
            Requests++;
            (HttpStatusCode, TimeSpan?)? failure = null;
            if (_scripted.Count > 0)
            {
                failure = _scripted.Dequeue();
            }
            else if (_random.NextDouble() < RateLimitRate)
            {
                failure = (HttpStatusCode.TooManyRequests, RetryAfter);
            }
            else if (_random.NextDouble() < ServerErrorRate)
            {
                var status = new[] { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable }[_random.Next(3)];
                failure = (status, status == HttpStatusCode.ServiceUnavailable ? RetryAfter : null);
            }

            Failed += failure is null ? 0 : 1;
            return failure;
        }
    }
}
