using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Resolution;

/// <summary>The identity engine's knobs (configuration section <c>Identity</c>); docs/identity.md explains each.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>Country assumed for phone numbers and date order when a record has none (ISO code or name).</summary>
    public string? DefaultCountry { get; set; }

    /// <summary>Score (log2 odds) at or above which two records link.</summary>
    [Range(-50, 100)]
    public double LinkThreshold { get; set; } = Matching.MatchPolicy.Default.LinkThreshold;

    /// <summary>Score at or above which a pair that does not link goes to the steward review queue.</summary>
    [Range(-50, 100)]
    public double ReviewThreshold { get; set; } = Matching.MatchPolicy.Default.ReviewThreshold;

    /// <summary>Fields whose exact agreement links on its own (national_id, email, phone, ...).</summary>
    public string[] TrustedIdentifiers { get; set; } = [.. Matching.MatchPolicy.Default.TrustedIdentifiers.Order(StringComparer.Ordinal)];

    /// <summary>A blocking key held by more records than this is too common to find candidates with.</summary>
    [Range(2, 100_000)]
    public int MaxBlockSize { get; set; } = 100;

    /// <summary>Most records one profile may hold from matching (stewards may force more).</summary>
    [Range(2, 100_000)]
    public int MaxProfileSize { get; set; } = 200;

    /// <summary>Most records re-clustered together after one change.</summary>
    [Range(10, 1_000_000)]
    public int MaxComponentSize { get; set; } = 5_000;

    /// <summary>Normalised records kept in memory to score candidates without re-reading them.</summary>
    [Range(0, 100_000_000)]
    public int FeatureCacheSize { get; set; } = 100_000;

    /// <summary>A match model estimated from data (JSON, as written by <c>c360 resolve --save-model</c>); built-in defaults when empty.</summary>
    public string? ModelFile { get; set; }

    public Matching.MatchPolicy ToPolicy() => Matching.MatchPolicy.Default with
    {
        LinkThreshold = LinkThreshold,
        ReviewThreshold = ReviewThreshold,
        TrustedIdentifiers = new HashSet<string>(TrustedIdentifiers, StringComparer.Ordinal),
    };
}
