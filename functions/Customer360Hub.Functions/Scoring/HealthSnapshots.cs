using Customer360Hub.Scoring;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Scoring;

/// <summary>The daily health snapshot (every profile rescored, portfolio summary) on the schedule in app setting <c>HealthSnapshotsSchedule</c> (NCRONTAB).</summary>
public sealed class HealthSnapshots(ScheduledJobRunner jobs)
{
    [Function(nameof(HealthSnapshots))]
    public async Task RunAsync([TimerTrigger("%HealthSnapshotsSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.RunAsync(HealthSnapshotJob.JobName, cancellationToken).ConfigureAwait(false);
}
