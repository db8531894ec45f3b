using PhoneNumbers;

namespace Customer360Hub.Normalization;

/// <summary>
/// Phone numbers to E.164 with libphonenumber. A number without a country prefix is read in the
/// record's country (the default region); fillers such as 000-000-0000, 123-456-7890 or 555-0100
/// style fictional numbers and numbers of an impossible length give null.
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
        else if (defaultRegion is null && digits.Length == 11 && digits[0] == '1' && !text.StartsWith('+'))
        {
            // 1-415-555-2671: the North American trunk prefix written out, so the country is known.
            text = "+" + digits;
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

        // A number of a possible length is kept even where the numbering plan lists its range as
        // unassigned (new ranges, private plans): the same digits on two records are the same line.
        if (!Util.IsValidNumber(number) && Util.IsPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
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

    /// <summary>
    /// The last eight digits of the subscriber number (extension left out), for a number that
    /// could not be read as E.164 because the record has no country: "3123996835" and
    /// "+1 312 399 6835" end alike. Null for fillers and numbers too short to tell lines apart.
    /// </summary>
    public static string? SubscriberDigits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 64)
        {
            return null;
        }

        var end = phone.IndexOfAny(['x', 'X', '#']);
        var number = end < 0 ? phone : phone[..end];
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 8 or > 15 || Placeholders.IsRepeatedCharacter(digits) || Placeholders.IsSequence(digits) || IsMostlyZeros(digits))
        {
            return null;
        }

        return digits[^8..];
    }
}
