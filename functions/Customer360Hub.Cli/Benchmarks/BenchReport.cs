namespace Customer360Hub.Cli.Benchmarks;

/// <summary>What <c>c360 bench</c> measured in one run (written as JSON next to the printed table).</summary>
internal sealed record BenchReport(
    string Command,
    DateTimeOffset Date,
    BenchMachine Machine,
    int Customers,
    BenchIngest Ingest,
    BenchFreshness Freshness,
    BenchLatency Api,
    BenchLatency StaticEndpoint,
    long PeakWorkingSetBytes,
    BenchStore Store,
    BenchIdentity Identity,
    BenchIngest StoreOnlyCeiling,
    BenchRatios Ratios);

/// <summary>The machine, and how busy it was: the load average (1 minute) before and after the run.</summary>
internal sealed record BenchMachine(int Cores, string Cpu, string Os, string Runtime, double LoadBefore, double LoadAfter);

/// <summary>
/// Source changes taken in, how long it took, and the process's CPU time per change meanwhile;
/// for ingest also the profile changes the resolver announced (what the scorer and indexer then worked through).
/// </summary>
internal sealed record BenchIngest(long Changes, double Seconds, double ChangesPerSecond, double CpuMillisecondsPerChange, long ProfileChanges = 0);

/// <summary>
/// The freshness phase: the world changing at an offered rate; freshness through the API for
/// sampled changes (pull to a response showing it), and pull to commit for every change.
/// </summary>
internal sealed record BenchFreshness(
    int OfferedChangesPerSecond,
    double PulledChangesPerSecond,
    double Seconds,
    int ApiProbes,
    int ApiProbesNeverSeen,
    double ApiP50Milliseconds,
    double ApiP99Milliseconds,
    int Committed,
    double CommitP50Milliseconds,
    double CommitP99Milliseconds);

internal sealed record BenchLatency(int Requests, long Errors, double P50Milliseconds, double P99Milliseconds);

/// <summary>The store's files, and per container its documents and their body bytes per live profile (partition guards included).</summary>
internal sealed record BenchStore(long Bytes, long Profiles, double BytesPerProfile, Dictionary<string, BenchContainer> Containers);

internal sealed record BenchContainer(long Documents, long BodyBytes, double BodyBytesPerProfile);

internal sealed record BenchIdentity(long Records, double Precision, double Recall, double F1);

internal sealed record BenchRatios(double IngestToCeiling, double ApiP50ToStatic, double ApiP99ToStatic);
