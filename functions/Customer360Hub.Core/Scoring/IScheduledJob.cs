namespace Customer360Hub.Scoring;

/// <summary>
/// A batch job run once a day: locally by <see cref="ScheduledJobService"/>, in Azure by a timer
/// trigger that calls <see cref="RunAsync"/>.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The job's name (its run record and its setting under <c>Scoring:Jobs</c>).</summary>
    string Name { get; }

    /// <summary>Time of day (UTC) the job is due.</summary>
    TimeSpan DueAt { get; }

    /// <summary>Runs the job; returns how many items it handled.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken = default);
}
