using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Embedded.Messaging;

/// <summary>Delivery semantics of the embedded bus (the same knobs as a Service Bus subscription).</summary>
public sealed class SqliteBusOptions
{
    public const string SectionName = "Embedded:Bus";

    /// <summary>Deliveries before a message goes to the dead letter.</summary>
    [Range(1, 1000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a received message stays invisible to others; after that it is delivered again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First retry delay; it doubles per delivery up to <see cref="RetryMaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message id published twice within this window is kept once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(10);
}
