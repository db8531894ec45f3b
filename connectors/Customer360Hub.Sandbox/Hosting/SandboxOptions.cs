using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Sandbox.Hosting;

/// <summary>How the sandbox behaves (section <c>Sandbox</c>): its world, how often it moves on, and its faults.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public Customer360Hub.Sandbox.World.WorldOptions World { get; set; } = new();

    /// <summary>Real time between ticks of the world (zero: the world moves only when told to).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Latency { get; set; }

    [Range(0.0, 1.0)]
    public double RateLimitRate { get; set; }

    [Range(0.0, 1.0)]
    public double ServerErrorRate { get; set; }

    [Range(0.0, 1.0)]
    public double MalformedRate { get; set; }

    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public int FaultSeed { get; set; } = 1;

    /// <summary>Folder the sandbox drops batch files into (a legacy system's export); null: none.</summary>
    public string? DropFolder { get; set; }
}
