namespace Customer360Hub.Normalization;

/// <summary>
/// A street address prepared for matching: house <see cref="Number"/>, <see cref="Street"/> with
/// standard abbreviations ("st", "ave", "rd"), <see cref="Unit"/> (apartment, suite, flat),
/// <see cref="Extra"/> for a second line that is not a unit (a building or locality name) and
/// <see cref="Postcode"/> in upper case without spaces. Any part may be null.
/// </summary>
public sealed record NormalizedAddress(string? Number, string? Street, string? Unit, string? Extra, string? Postcode)
{
    public bool IsEmpty => Number is null && Street is null && Unit is null && Extra is null && Postcode is null;

    /// <summary>Number, street and unit on one line ("12 main st #4"): the value compared as the street address.</summary>
    public string? Line { get; } = Street is null && Number is null ? null : string.Join(' ', new[] { Number, Street, Unit is null ? null : "#" + Unit }.Where(p => p is not null));
}
