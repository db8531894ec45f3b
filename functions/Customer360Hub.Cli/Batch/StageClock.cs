using System.Diagnostics;

namespace Customer360Hub.Cli.Batch;

/// <summary>Measures consecutive stages of a batch run (<see cref="BatchStage"/>).</summary>
internal sealed class StageClock(TimeProvider time)
{
    private readonly List<BatchStage> _stages = [];
    private long _started = time.GetTimestamp();
    private TimeSpan _cpu = CpuNow();
    private long _allocated = GC.GetTotalAllocatedBytes();

    public IReadOnlyList<BatchStage> Stages => _stages;

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public BatchStage Lap(string name)
    {
        var cpu = CpuNow();
        var allocated = GC.GetTotalAllocatedBytes();
        var stage = new BatchStage(name, time.GetElapsedTime(_started), cpu - _cpu, allocated - _allocated);
        _stages.Add(stage);
        _started = time.GetTimestamp();
        _cpu = cpu;
        _allocated = allocated;
        return stage;
    }

    private static TimeSpan CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
