using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Sandbox.World;

/// <summary>The knobs of the synthetic world (section <c>Sandbox:World</c>).</summary>
public sealed class WorldOptions
{
    public const string SectionName = "Sandbox:World";

    /// <summary>True customers (people and organisations) at the start.</summary>
    [Range(1, 10_000_000)]
    public int Customers { get; set; } = 200;

    /// <summary>The same seed always generates the same world.</summary>
    public int Seed { get; set; } = 360;

    /// <summary>The end of the world's history: records before it exist at the start; changes come after it.</summary>
    public DateTimeOffset Epoch { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far back the history goes (customers join and transact over this span).</summary>
    [Range(1, 120)]
    public int HistoryMonths { get; set; } = 24;

    /// <summary>World time one tick of change after the epoch covers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TickLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Changes per tick as a share of the customers (at least three).</summary>
    [Range(0.0, 1.0)]
    public double ChangeRate { get; set; } = 0.01;
}
