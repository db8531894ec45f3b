using PhoneNumbers;

namespace Customer360Hub.Quality;

/// <summary>Phone validity and E.164 form (libphonenumber), with the record's country as the region of national numbers.</summary>
public static class PhoneFormat
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of a valid number, or null.</summary>
    public static string? ToE164(string? text, string? country, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        var region = country is { Length: 2 } && country.All(char.IsAsciiLetter) ? country.ToUpperInvariant() : defaultRegion;
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
