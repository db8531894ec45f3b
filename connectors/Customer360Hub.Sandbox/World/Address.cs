namespace Customer360Hub.Sandbox.World;

/// <summary>A true postal address, kept in parts so each source can write it its own way.</summary>
public sealed record Address(
    int HouseNumber,
    string Street,
    string StreetType,
    string StreetTypeShort,
    string? Apartment,
    string City,
    string Postcode,
    string? RegionCode,
    string? RegionName,
    string CountryCode)
{
    /// <summary>True when the country writes the street before the number (Germany, the Netherlands).</summary>
    public bool NumberAfterStreet => CountryCode is "DE" or "NL";

    /// <summary>The first address line in the country's usual form.</summary>
    public string Line1 => NumberAfterStreet ? $"{Street}{StreetType} {HouseNumber}" : $"{HouseNumber} {Street} {StreetType}";
}
