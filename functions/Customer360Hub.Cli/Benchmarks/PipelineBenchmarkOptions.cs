namespace Customer360Hub.Cli.Benchmarks;

/// <summary>The knobs of <c>c360 bench</c>.</summary>
/// <param name="Customers">True customers in the sample world.</param>
/// <param name="Rate">Source changes per second offered in the freshness phase.</param>
/// <param name="FreshnessDuration">How long the world changes at that rate.</param>
/// <param name="Readers">Concurrent API callers while ingesting.</param>
/// <param name="ReadsPerSecond">Profile reads per second they make together (each followed by a read of the static endpoint).</param>
/// <param name="Workers">Resolver and scorer consumers per subscription.</param>
/// <param name="OutputFile">Where the JSON report goes.</param>
/// <param name="Timeout">Longest wait for the hub to take in everything.</param>
/// <param name="Arguments">The command line, for the report.</param>
internal sealed record PipelineBenchmarkOptions(
    int Customers,
    int Rate,
    TimeSpan FreshnessDuration,
    int Readers,
    int ReadsPerSecond,
    int Workers,
    string OutputFile,
    TimeSpan Timeout,
    IReadOnlyList<string> Arguments);
