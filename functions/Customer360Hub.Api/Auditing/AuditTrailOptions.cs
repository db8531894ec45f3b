using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Api.Auditing;

/// <summary>Section <c>Api:Audit</c>: how audit records of reads are buffered before they are written.</summary>
public sealed class AuditTrailOptions
{
    public const string SectionName = "Api:Audit";

    /// <summary>Records waiting to be written; when full, requests wait for room (records are never dropped).</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 50_000;

    /// <summary>Records written together in one append.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// How long a read's record may wait for others to be written with it (group commit): under
    /// load the log takes a few large appends per second instead of one small one per request. A
    /// batch holding a change's record is written at once. Zero writes every record as it comes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a change waits for its audit record to be durable before the request fails.</summary>
    public TimeSpan DurableTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
