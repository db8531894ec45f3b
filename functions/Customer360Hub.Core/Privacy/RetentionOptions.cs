namespace Customer360Hub.Privacy;

/// <summary>
/// Section <c>Profiles:Retention</c>: how long each kind of data is kept. Unset means kept until
/// erased. Expiry is enforced by the store (document time to live) and its purge.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Profiles:Retention";

    /// <summary>Per transaction kind (<c>usage</c>, <c>marketingEvent</c>, ...): kept this long after it occurred.</summary>
    public Dictionary<string, TimeSpan> Transactions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Profile versions (effective-dated history) are kept this long after they were written.</summary>
    public TimeSpan? History { get; set; }

    /// <summary>Quarantined values are kept this long.</summary>
    public TimeSpan? Quarantine { get; set; }

    /// <summary>How often the embedded host purges expired documents from its files.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
