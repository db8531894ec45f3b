using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Messaging;

public sealed class BusConsumerOptions
{
    public const string SectionName = "Bus:Consumer";

    /// <summary>Messages leased and handled together.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>How long an idle consumer waits before polling again (a publish in the same process wakes it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Parallel consumers per subscription.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 1;
}
