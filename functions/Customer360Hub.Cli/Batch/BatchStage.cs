namespace Customer360Hub.Cli.Batch;

/// <summary>
/// One stage of a batch run: wall-clock time and the CPU time the process used meanwhile (every
/// thread), and the bytes it allocated. On a shared machine wall time inflates with other load;
/// CPU time much less so; allocation not at all.
/// </summary>
internal sealed record BatchStage(string Name, TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes);
