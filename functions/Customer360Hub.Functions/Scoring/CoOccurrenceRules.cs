using Customer360Hub.Scoring;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Scoring;

/// <summary>The co-occurrence batch (expansion rules per segment) on the schedule in app setting <c>CoOccurrenceRulesSchedule</c> (NCRONTAB).</summary>
public sealed class CoOccurrenceRules(ScheduledJobRunner jobs)
{
    [Function(nameof(CoOccurrenceRules))]
    public async Task RunAsync([TimerTrigger("%CoOccurrenceRulesSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await jobs.RunAsync(CoOccurrenceJob.JobName, cancellationToken).ConfigureAwait(false);
}
