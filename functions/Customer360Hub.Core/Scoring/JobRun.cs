namespace Customer360Hub.Scoring;

/// <summary>When a scheduled job last completed (container <c>portfolio</c>, partition <see cref="Partition"/>, id = the job).</summary>
public sealed record JobRun(string Job, DateTimeOffset CompletedAt, int Items)
{
    public const string Partition = "jobs";
}
