namespace Customer360Hub.Cli.Batch;

/// <summary>What a batch resolution did and how long each stage took.</summary>
internal sealed record BatchSummary(int Records, int Profiles, TimeSpan Reading, TimeSpan Training, TimeSpan Resolving, TimeSpan Writing, long PeakMemoryBytes);
