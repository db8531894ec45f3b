using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Quality;

/// <summary>Section <c>Profiles:Quality</c>: validation, completeness and freshness.</summary>
public sealed class QualityOptions
{
    public const string SectionName = "Profiles:Quality";

    /// <summary>Region (ISO 3166 alpha-2) of phone numbers written without a country code when the record names no country.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>Dates of birth before this are refused as implausible.</summary>
    public DateOnly EarliestBirthDate { get; set; } = new(1900, 1, 1);

    /// <summary>How far in the future a transaction time may lie (clock skew) before it is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Values refused as placeholders in addition to the built-in ones (n/a, none, null, unknown, ...), case-insensitive.</summary>
    public List<string> Placeholders { get; set; } = [];

    /// <summary>Fields counted by a person's completeness score; empty means the built-in list.</summary>
    public List<string> CompletenessFields { get; set; } = [];

    /// <summary>A source whose newest record of a profile is older than this is flagged stale on that profile.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Per-source overrides of <see cref="StaleAfter"/>.</summary>
    public Dictionary<string, TimeSpan> StaleAfterBySource { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>In the portfolio report, a source with no change pulled for this long is flagged stale.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan SourceStaleAfter { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan StaleAfterFor(string source) => StaleAfterBySource.TryGetValue(source, out var span) ? span : StaleAfter;
}
