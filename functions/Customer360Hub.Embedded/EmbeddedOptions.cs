using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Embedded;

/// <summary>Where the embedded host keeps all of its state, and how hard it syncs to disk.</summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "Embedded";

    /// <summary>The one folder holding bus, store, raw archive, checkpoints and alerts.</summary>
    [Required]
    public string DataFolder { get; set; } = ".c360";

    /// <summary>
    /// <c>Normal</c> survives a process crash (SIGKILL); <c>Full</c> also survives power loss,
    /// at a cost in write speed.
    /// </summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Normal;

    /// <summary>
    /// How long a write waits for a lock another process holds on a store or bus file before it
    /// fails with a clear error (and the bus retries the message later).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
