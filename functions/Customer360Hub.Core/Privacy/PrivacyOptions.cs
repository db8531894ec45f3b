using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Privacy;

/// <summary>Section <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Secret key of the keyed hash (HMAC-SHA256) that suppression records store instead of
    /// identifiers, so the list cannot be reversed by hashing guessed emails. Keep it as long as
    /// the data: with another key, erased people are no longer recognised.
    /// </summary>
    [Required]
    [MinLength(32)]
    public string HashKey { get; set; } = string.Empty;
}
