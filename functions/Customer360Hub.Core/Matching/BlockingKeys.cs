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

    public static IReadOnlyList<string> For(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var keys = new List<string>(10);
        if (features.Email is { } email)
        {
            keys.Add(EmailPrefix + email.MatchKey);
        }

        if (features.Phone is { } phone)
        {
            keys.Add("phone:" + phone);
        }

        if (features.NationalId is { } nationalId)
        {
            keys.Add("nid:" + nationalId);
        }

        var name = features.Name;
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
