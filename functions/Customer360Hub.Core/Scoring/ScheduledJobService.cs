using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// Runs the daily jobs in the local host on the injected clock: each at its time of day, and at
/// start any whose last run is older than its latest due time (a hub that was off catches up).
/// The last run of each job is kept in the store, so restarts do not repeat a day's run.
/// </summary>
public sealed partial class ScheduledJobService(
    ScheduledJobRunner runner,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<ScheduledJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var retries = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var nextWake = DateTimeOffset.MaxValue;
            foreach (var job in runner.Jobs)
            {
                var due = LatestDue(job.DueAt, now);
                var last = (await runner.LastRunAsync(job.Name, stoppingToken).ConfigureAwait(false))?.CompletedAt;
                var retryAt = retries.GetValueOrDefault(job.Name);
                if ((last is null || last < due) && retryAt <= now)
                {
                    try
                    {
                        await runner.RunAsync(job.Name, stoppingToken).ConfigureAwait(false);
                        retries.Remove(job.Name);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The job is retried, not dropped: its run record stays old until a run completes.
                        retries[job.Name] = time.GetUtcNow() + options.Value.RetryAfter;
                        LogFailed(logger, ex, job.Name, options.Value.RetryAfter);
                    }
                }

                var upcoming = retries.TryGetValue(job.Name, out var retry) ? retry : due.AddDays(1);
                nextWake = upcoming < nextWake ? upcoming : nextWake;
            }

            var wait = nextWake - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The latest moment at or before <paramref name="now"/> the job was due.</summary>
    public static DateTimeOffset LatestDue(TimeSpan dueAt, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + dueAt;
        return today <= now ? today : today.AddDays(-1);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; retrying in {RetryAfter}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, TimeSpan retryAfter);
}
