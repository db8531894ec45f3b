using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Scoring;

/// <summary>Section <c>Scoring:Jobs</c>: the daily batch jobs of the local host.</summary>
public sealed class JobOptions
{
    public const string SectionName = "Scoring:Jobs";

    /// <summary>Run the jobs in the local host (the Functions app uses timer triggers instead).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time of day (UTC) the co-occurrence rules are recomputed; before the snapshots, so the day's rescoring uses them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan CoOccurrenceAt { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time of day (UTC) every profile is rescored and snapshotted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan SnapshotsAt { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Profiles scored per unit of work by the snapshot job.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>After a failed run, try again after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}
