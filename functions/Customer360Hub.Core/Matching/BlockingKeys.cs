using System.Globalization;
using Customer360Hub.Normalization;

namespace Customer360Hub.Matching;

/// <summary>
/// The blocking keys a record puts into the identity index (<c>kind:value</c>). Two records are
/// candidates when they share a key, so every key is narrow (a few records each, however large
/// the population) and the keys overlap, so one wrong field does not hide a duplicate. The
/// email key keeps the <c>email:</c> form used by lookups.
/// </summary>
public static class BlockingKeys
{
    public const string EmailPrefix = "email:";

    private static readonly Dictionary<string, string[]> KindFields = new(StringComparer.Ordinal)
    {
        ["email"] = [MatchField.Email.Name],
        ["phone"] = [MatchField.Phone.Name],
        ["nid"] = [MatchField.NationalId.Name],
        ["nm"] = [MatchField.GivenName.Name, MatchField.FamilyName.Name],
        ["dg"] = [MatchField.BirthDate.Name, MatchField.GivenName.Name],
        ["df"] = [MatchField.BirthDate.Name, MatchField.FamilyName.Name],
        ["fy"] = [MatchField.FamilyName.Name, MatchField.BirthDate.Name],
        ["pf"] = [MatchField.Postcode.Name, MatchField.FamilyName.Name],
        ["pg"] = [MatchField.Postcode.Name, MatchField.GivenName.Name],
        ["ad"] = [MatchField.Address.Name, MatchField.Postcode.Name, MatchField.City.Name],
        ["co"] = [MatchField.Company.Name],
        ["dom"] = [MatchField.Company.Name, MatchField.Email.Name],
        ["fam"] = [MatchField.FamilyName.Name],
        ["giv"] = [MatchField.GivenName.Name],
        ["dob"] = [MatchField.BirthDate.Name],
        ["user"] = [MatchField.Email.Name],
    };

    /// <summary>The kind of a key ("nm", "email", ...): the part before the colon.</summary>
    public static string KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? key : key[..colon];
    }

    /// <summary>The fields two records sharing a key of this kind (mostly) agree on.</summary>
    public static IReadOnlyList<string> FieldsOf(string kind) => KindFields.TryGetValue(kind, out var fields) ? fields : [];

    public static IReadOnlyList<string> For(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var keys = new List<string>(10);
        if (features.Email is { } email)
        {
            keys.Add(EmailPrefix + email.MatchKey);
        }

        if (features.PhoneDigits is { } phone)
        {
            // The subscriber digits, so a number written without its country still finds the same line.
            keys.Add("phone:" + phone);
        }

        if (features.NationalId is { } nationalId)
        {
            keys.Add("nid:" + nationalId);
        }

        if (features.Email is { LocalPart.Length: >= 4, IsRoleAccount: false } mailbox)
        {
            // The mailbox name alone finds the same person at a mistyped or changed domain.
            keys.Add("user:" + mailbox.LocalPart);
        }

        var name = features.Name;
        if (name.Family is { } familyName)
        {
            // Single values find duplicates whose other fields are missing or wrong. A common
            // value holds too many records to be used (see the block size cap), a rare one is
            // as good as a key can be.
            keys.Add("fam:" + familyName);
        }

        if (name.Given is { Length: > 1 } givenName)
        {
            keys.Add("giv:" + givenName);
        }

        if (features.BirthDateText is { } birthDate)
        {
            keys.Add("dob:" + birthDate);
        }

        var given = Phonetic.Soundex(name.Given);
        var family = Phonetic.Soundex(name.Family);
        if (given.Length > 0 && family.Length > 0)
        {
            // Ordered so that swapped given and family names give the same key.
            keys.Add(string.CompareOrdinal(given, family) <= 0 ? $"nm:{given}|{family}" : $"nm:{family}|{given}");
        }

        if (features.BirthDate is { } birth)
        {
            var date = birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (name.Given is { } g)
            {
                keys.Add($"dg:{date}|{g[0]}");
            }

            if (name.Family is { } f)
            {
                keys.Add($"df:{date}|{f[0]}");
            }

            if (family.Length > 0)
            {
                keys.Add($"fy:{family}|{birth.Year}|{birth.Month}");
            }
        }

        var postcode = features.Address.Postcode;
        if (postcode is not null && family.Length > 0)
        {
            keys.Add($"pf:{postcode}|{family}");
        }

        if (postcode is not null && given.Length > 0)
        {
            keys.Add($"pg:{postcode}|{given}");
        }

        if (features.Address.Number is { } number && features.Address.Street is { } street)
        {
            keys.Add($"ad:{number}|{Phonetic.Soundex(street)}|{postcode ?? features.City}");
        }

        if (features.IsOrganization && features.Company is { } company)
        {
            keys.Add("co:" + TextFolding.Compact(company));
        }

        if (features.IsOrganization && features.EmailDomain is { } domain)
        {
            keys.Add("dom:" + domain);
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }
}
