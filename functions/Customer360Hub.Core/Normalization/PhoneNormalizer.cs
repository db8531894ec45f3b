using PhoneNumbers;

namespace Customer360Hub.Normalization;

/// <summary>
/// Phone numbers to E.164 with libphonenumber. A number without a country prefix is read in the
/// record's country (the default region); fillers such as 000-000-0000, 123-456-7890 or 555-0100
/// style fictional numbers and numbers that cannot be valid give null.
/// </summary>
public static class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (+14155550123), or null when it is not a usable number.</summary>
    public static string? ToE164(string? phone, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 64)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 6 || Placeholders.IsRepeatedCharacter(digits) || Placeholders.IsSequence(digits) || IsMostlyZeros(digits))
        {
            return null;
        }

        var region = defaultRegion ?? "ZZ";
        var text = phone.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!Util.IsValidNumber(number))
        {
            return null;
        }

        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Placeholders.IsRepeatedCharacter(national) || Placeholders.IsSequence(national) || IsFictional(number, national))
        {
            return null;
        }

        return Util.Format(number, PhoneNumberFormat.E164);
    }

    private static bool IsMostlyZeros(string digits) => digits.Count(c => c == '0') >= digits.Length - 1;

    // North American 555-01xx numbers are reserved for fiction and examples.
    private static bool IsFictional(PhoneNumber number, string national) =>
        number.CountryCode == 1 && national.Length == 10 && national.AsSpan(3, 5).SequenceEqual("55501");
}
