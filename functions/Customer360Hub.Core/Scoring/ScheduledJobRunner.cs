using Customer360Hub.Storage;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Scoring;

/// <summary>
/// Runs a daily job by name and records its completion (container <c>portfolio</c>, partition
/// <see cref="JobRun.Partition"/>): called by <see cref="ScheduledJobService"/> in the local host
/// and by the timer functions in Azure. A failure propagates and leaves the last run as it was.
/// </summary>
public sealed partial class ScheduledJobRunner(IEnumerable<IScheduledJob> jobs, HubStore store, TimeProvider time, ILogger<ScheduledJobRunner> logger)
{
    public IReadOnlyList<IScheduledJob> Jobs { get; } = [.. jobs.OrderBy(j => j.DueAt)];

    /// <summary>When the job last completed; null if never.</summary>
    public async Task<JobRun?> LastRunAsync(string name, CancellationToken cancellationToken = default) =>
        (await store.JobRuns.GetAsync(new DocumentKey(JobRun.Partition, name), cancellationToken).ConfigureAwait(false))?.Document;

    public async Task<JobRun> RunAsync(string name, CancellationToken cancellationToken = default)
    {
        var job = Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"There is no scheduled job '{name}'; the jobs are {string.Join(", ", Jobs.Select(j => j.Name))}.", nameof(name));
        var started = time.GetUtcNow();
        var items = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        var run = new JobRun(job.Name, time.GetUtcNow(), items);
        await store.Documents.WriteAsync([store.JobRuns.Upsert(new DocumentKey(JobRun.Partition, job.Name), run)], cancellationToken).ConfigureAwait(false);
        LogRan(logger, job.Name, items, run.CompletedAt - started);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} handled {Items} items in {Elapsed}")]
    private static partial void LogRan(ILogger logger, string job, int items, TimeSpan elapsed);
}
