using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Sandbox.World;

/// <summary>The knobs of the synthetic world.</summary>
public sealed class WorldOptions
{
    public const string SectionName = "Sandbox:World";

    [Range(1, 10_000_000)]
    public int Customers { get; set; } = 200;

    /// <summary>The same seed always generates the same world.</summary>
    public int Seed { get; set; } = 360;

    /// <summary>The instant the world's records were last modified from (records follow it second by second).</summary>
    public DateTimeOffset Epoch { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
