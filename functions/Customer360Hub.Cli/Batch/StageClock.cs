using System.Diagnostics;

namespace Customer360Hub.Cli.Batch;

/// <summary>Measures consecutive stages of a batch run (<see cref="BatchStage"/>).</summary>
internal sealed class StageClock(TimeProvider time)
{
    private readonly List<BatchStage> _stages = [];
    private long _started = time.GetTimestamp();
    private TimeSpan _cpu = CpuNow();

    public IReadOnlyList<BatchStage> Stages => _stages;

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public BatchStage Lap(string name)
    {
        var cpu = CpuNow();
        var stage = new BatchStage(name, time.GetElapsedTime(_started), cpu - _cpu);
        _stages.Add(stage);
        _started = time.GetTimestamp();
        _cpu = cpu;
        return stage;
    }

    private static TimeSpan CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
