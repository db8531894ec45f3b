namespace Customer360Hub.Cli.Batch;

/// <summary>What a batch resolution did and how long each stage took.</summary>
internal sealed record BatchSummary(int Records, int Profiles, IReadOnlyList<BatchStage> Stages, long PeakMemoryBytes, TimeSpan GcPause)
{
    public TimeSpan Wall => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Wall);

    public TimeSpan Cpu => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Cpu);
}
