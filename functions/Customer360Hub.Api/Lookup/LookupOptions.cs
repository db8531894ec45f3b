using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Api.Lookup;

/// <summary>Section <c>Api:Lookup</c>.</summary>
public sealed class LookupOptions
{
    public const string SectionName = "Api:Lookup";

    /// <summary>The region (ISO 3166 alpha-2) for phone numbers written without a country code.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "US";
}
