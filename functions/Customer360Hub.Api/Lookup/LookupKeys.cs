using System.Globalization;
using System.Text;
using Customer360Hub.Resolution;
using PhoneNumbers;

namespace Customer360Hub.Api.Lookup;

/// <summary>Normalised lookup keys, the same for indexing and for queries.</summary>
public static class LookupKeys
{
    public const string NameKind = "name";
    public const string CompanyKind = "company";
    public const int MinTokenLength = 2;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    // The hosts run with invariant globalization, where Unicode decomposition is unavailable, so
    // common Latin letters with diacritics are folded by table.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnoooooooooorrrssssttuuuuuuuuuuwyyyzzzs";

    public static string? Email(string? email) => MatchKeys.NormalizeEmail(email) is { } normalized ? "email:" + normalized : null;

    /// <summary>The E.164 form of a phone number, or null when it is not a possible number.</summary>
    public static string? E164(string? phone, string region)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 40)
        {
            return null;
        }

        try
        {
            var parsed = Phones.Parse(phone, region);
            return Phones.IsPossibleNumber(parsed) ? Phones.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string Phone(string e164) => "phone:" + e164;

    /// <summary>A source system's id, whatever its entity type (a Salesforce Account Id, a Stripe customer id).</summary>
    public static string SourceId(string source, string recordId) => "sourceid:" + source.ToLowerInvariant() + "/" + recordId;

    /// <summary>The partition of name or company tokens starting like <paramref name="token"/>.</summary>
    public static string TokenBucket(string kind, string token) => kind + ":" + token[..MinTokenLength];

    public static string TokenRowId(string token, string profileId) => token + "|" + profileId;

    /// <summary>Lower-case tokens without accents, split at anything but letters and digits; tokens shorter than two characters are dropped.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                var folded = Accented.IndexOf(lower, StringComparison.Ordinal);
                current.Append(folded < 0 ? lower : Plain[folded]);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length >= MinTokenLength && !tokens.Contains(current.ToString()))
            {
                tokens.Add(current.ToString());
            }

            current.Clear();
        }
    }

    /// <summary>The region for a profile's phone: its two-letter country, else the default.</summary>
    public static string RegionOf(string? country, string defaultRegion) =>
        country is { Length: 2 } && country.All(char.IsAsciiLetter) ? country.ToUpperInvariant() : defaultRegion;
}
