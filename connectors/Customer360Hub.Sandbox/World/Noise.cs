using System.Globalization;
using System.Text;

namespace Customer360Hub.Sandbox.World;

/// <summary>The ways people and systems get customer data slightly wrong, each reported as a <see cref="NoiseKinds"/>.</summary>
internal static class Noise
{
    private const string Keyboard = "qwertyuiopasdfghjklzxcvbnm";

    public static string GivenName(ref WorldRandom random, TrueCustomer customer, ref NoiseKinds noise)
    {
        var given = customer.GivenName!;
        if (NamePools.Nicknames.TryGetValue(given, out var nicknames) && random.Chance(0.14))
        {
            given = random.Pick(nicknames);
            noise |= NoiseKinds.Nickname;
        }
        else if (random.Chance(0.02))
        {
            given = given[0] + ".";
            noise |= NoiseKinds.NameFormat;
        }

        if (customer.MiddleInitial is not null && random.Chance(0.12))
        {
            given += " " + customer.MiddleInitial + ".";
            noise |= NoiseKinds.NameFormat;
        }

        return given;
    }

    public static string FamilyName(ref WorldRandom random, TrueCustomer customer, ref NoiseKinds noise)
    {
        var family = customer.FamilyName!;
        if (HasUmlaut(family) && random.Chance(0.4))
        {
            family = random.Chance(0.6) ? Transliterate(family, strip: false) : Transliterate(family, strip: true);
            noise |= NoiseKinds.NameFormat;
        }

        return family;
    }

    /// <summary>The suffix in some records only; where it is left out, father and son look the same.</summary>
    public static string? Suffix(ref WorldRandom random, TrueCustomer customer, ref NoiseKinds noise)
    {
        if (customer.Suffix is null)
        {
            return null;
        }

        if (random.Chance(0.45))
        {
            return random.Chance(0.3) ? customer.Suffix.TrimEnd('.') : customer.Suffix;
        }

        noise |= NoiseKinds.NameFormat;
        return null;
    }

    /// <summary>A typo in one of the two names.</summary>
    public static void NameTypo(ref WorldRandom random, ref string given, ref string family, double rate, ref NoiseKinds noise)
    {
        if (!random.Chance(rate))
        {
            return;
        }

        if (random.Chance(0.5) && given.Length > 3)
        {
            given = Typo(ref random, given);
        }
        else if (family.Length > 3)
        {
            family = Typo(ref random, family);
        }
        else
        {
            return;
        }

        noise |= NoiseKinds.NameTypo;
    }

    public static string FullName(ref WorldRandom random, string given, string family, string? suffix, ref NoiseKinds noise)
    {
        var full = suffix is null ? $"{given} {family}" : $"{given} {family} {suffix}";
        if (random.Chance(0.05))
        {
            full = suffix is null ? $"{family}, {given}" : $"{family}, {given} {suffix}";
            noise |= NoiseKinds.NameFormat;
        }

        return Casing(ref random, full, ref noise);
    }

    public static string Casing(ref WorldRandom random, string text, ref NoiseKinds noise)
    {
        if (random.Chance(0.03))
        {
            noise |= NoiseKinds.NameFormat;
            return text.ToUpperInvariant();
        }

        if (random.Chance(0.01))
        {
            noise |= NoiseKinds.NameFormat;
            return text.ToLowerInvariant();
        }

        return text;
    }

    public static string CompanyName(ref WorldRandom random, TrueCustomer organization, ref NoiseKinds noise)
    {
        var name = organization.CompanyName!;
        if (random.Chance(0.3))
        {
            name = organization.CompanyShortName!;
            noise |= NoiseKinds.CompanyNameFormat;
        }
        else if (random.Chance(0.05))
        {
            name = name.ToUpperInvariant();
            noise |= NoiseKinds.CompanyNameFormat;
        }
        else if (random.Chance(0.05))
        {
            name = name.Replace(" & ", " and ", StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
            noise |= NoiseKinds.CompanyNameFormat;
        }

        return name;
    }

    /// <summary>
    /// The email a system holds for a person: mostly the one they give most, sometimes the other,
    /// a shared mailbox, none, or one with a typo.
    /// </summary>
    public static string? PersonEmail(ref WorldRandom random, TrueCustomer customer, double missingRate, bool preferPersonal, ref NoiseKinds noise, ref TrapKinds traps)
    {
        var primary = preferPersonal ? customer.PersonalEmail ?? customer.PrimaryEmail : customer.PrimaryEmail;
        var alternate = primary == customer.WorkEmail ? customer.PersonalEmail : customer.WorkEmail;
        string? email;
        if (customer.SharedEmail is { } shared && random.Chance(customer.AccountId is null ? 0.3 : 0.05))
        {
            email = shared;
            traps |= customer.AccountId is null ? TrapKinds.SharedFamilyEmail : TrapKinds.SharedRoleMailbox;
        }
        else if (random.Chance(missingRate))
        {
            noise |= NoiseKinds.MissingFields;
            return null;
        }
        else if (alternate is not null && random.Chance(0.18))
        {
            email = alternate;
            noise |= NoiseKinds.AlternateEmail;
        }
        else
        {
            email = primary;
        }

        if (email is null)
        {
            noise |= NoiseKinds.MissingFields;
            return null;
        }

        return EmailVariant(ref random, email, ref noise);
    }

    public static string EmailVariant(ref WorldRandom random, string email, ref NoiseKinds noise)
    {
        if (random.Chance(0.03))
        {
            var at = email.IndexOf('@', StringComparison.Ordinal);
            email = random.Chance(0.5) && at > 3
                ? Typo(ref random, email[..at]) + email[at..]
                : email[..(at + 1)] + DomainTypo(ref random, email[(at + 1)..]);
            noise |= NoiseKinds.EmailTypo;
        }

        if (random.Chance(0.08))
        {
            email = random.Chance(0.5) ? CapitalizeWords(email) : " " + email + " ";
            noise |= NoiseKinds.EmailCase;
        }

        return email;
    }

    /// <summary>The phone a system holds: one of the customer's numbers in some format, a placeholder, or none.</summary>
    public static string? Phone(ref WorldRandom random, TrueCustomer customer, double holdRate, ref NoiseKinds noise, ref TrapKinds traps, out bool mobile)
    {
        mobile = false;
        if (!random.Chance(holdRate))
        {
            noise |= NoiseKinds.MissingFields;
            return null;
        }

        if (random.Chance(0.03))
        {
            traps |= TrapKinds.PlaceholderPhone;
            return random.Pick(NamePools.PlaceholderPhones);
        }

        var primary = customer.PrimaryPhone;
        var phone = primary;
        if (random.Chance(0.25))
        {
            var others = new[] { customer.MobilePhone, customer.HomePhone, customer.WorkPhone }.Where(p => p is not null && p != primary).ToArray();
            if (others.Length > 0)
            {
                phone = random.Pick(others);
                noise |= NoiseKinds.AlternatePhone;
            }
        }

        if (phone is null)
        {
            noise |= NoiseKinds.MissingFields;
            return null;
        }

        mobile = phone == customer.MobilePhone;
        if (phone == customer.HomePhone && customer.HouseholdId is not null)
        {
            traps |= TrapKinds.FamilyMember;
        }
        else if (phone == customer.WorkPhone && customer.Traps.HasFlag(TrapKinds.Coworker))
        {
            traps |= TrapKinds.Coworker;
        }

        return PhoneFormat(ref random, phone, customer.Address.CountryCode, ref noise);
    }

    /// <summary>An E.164 number written as people write it.</summary>
    public static string PhoneFormat(ref WorldRandom random, string e164, string countryCode, ref NoiseKinds noise)
    {
        var style = random.Next(10);
        if (style < 3)
        {
            return e164;
        }

        noise |= NoiseKinds.PhoneFormat;
        var country = Geography.ByCode(countryCode);
        var national = e164[(1 + country.CallingCode.Length)..];
        if (country.CallingCode == "1")
        {
            var (a, b, c) = (national[..3], national[3..6], national[6..]);
            return style switch
            {
                3 => $"({a}) {b}-{c}",
                4 => $"{a}-{b}-{c}",
                5 => $"{a}.{b}.{c}",
                6 => national,
                7 => $"+1 {a} {b} {c}",
                8 => $"1-{a}-{b}-{c}",
                _ => $"({a}) {b}-{c} x{random.Next(100, 999)}",
            };
        }

        var split = Math.Min(4, national.Length / 2);
        return style switch
        {
            3 or 4 => $"0{national[..split]} {national[split..]}",
            5 => $"+{country.CallingCode} {national[..split]} {national[split..]}",
            6 => $"+{country.CallingCode} (0){national[..split]} {national[split..]}",
            7 => $"0{national}",
            8 => $"00{country.CallingCode}{national}",
            _ => $"0{national[..split]}/{national[split..]}",
        };
    }

    /// <summary>The address as a system writes it, or the one the customer moved away from.</summary>
    public static Address Address(ref WorldRandom random, TrueCustomer customer, ref NoiseKinds noise)
    {
        if (customer.PreviousAddress is { } old && random.Chance(0.4))
        {
            noise |= NoiseKinds.StaleAddress;
            return old;
        }

        return customer.Address;
    }

    public static (string Line1, string? Line2, string City, string Postcode, string? Region, string Country) WriteAddress(ref WorldRandom random, Address address, ref NoiseKinds noise)
    {
        var changed = false;
        var type = address.StreetType;
        if (random.Chance(0.35) && address.StreetTypeShort != address.StreetType)
        {
            type = address.StreetTypeShort;
            changed = true;
        }

        var line1 = address.NumberAfterStreet ? $"{address.Street}{type} {address.HouseNumber}" : $"{address.HouseNumber} {address.Street} {type}";
        string? line2 = null;
        if (address.Apartment is { } apartment)
        {
            var isSuite = apartment.StartsWith("Suite", StringComparison.Ordinal);
            switch (random.Next(4))
            {
                case 0:
                    line2 = isSuite ? apartment : "Apt " + apartment;
                    break;
                case 1:
                    line1 += isSuite ? ", " + apartment : ", Apt " + apartment;
                    changed = true;
                    break;
                case 2:
                    line2 = isSuite ? apartment.Replace("Suite ", "Ste ", StringComparison.Ordinal) : "#" + apartment;
                    changed = true;
                    break;
                default:
                    line2 = isSuite ? apartment : "Unit " + apartment;
                    changed = true;
                    break;
            }
        }

        if (random.Chance(0.05))
        {
            line1 = line1.ToUpperInvariant();
            changed = true;
        }

        var postcode = address.Postcode;
        if (address.CountryCode == "US" && random.Chance(0.1))
        {
            postcode += "-" + random.Digits(4);
            changed = true;
        }
        else if (postcode.Contains(' ', StringComparison.Ordinal) && random.Chance(0.3))
        {
            postcode = postcode.Replace(" ", string.Empty, StringComparison.Ordinal);
            changed = true;
        }

        var region = address.RegionCode;
        if (region is not null && random.Chance(0.2))
        {
            region = address.RegionName;
            changed = true;
        }

        var country = address.CountryCode;
        if (random.Chance(0.2))
        {
            country = random.Pick(Geography.ByCode(address.CountryCode).NameVariants);
            changed = true;
        }

        var city = address.City;
        if (HasUmlaut(city) && random.Chance(0.3))
        {
            city = Transliterate(city, strip: false);
            changed = true;
        }

        if (changed)
        {
            noise |= NoiseKinds.AddressFormat;
        }

        return (line1, line2, city, postcode, region, country);
    }

    public static string Typo(ref WorldRandom random, string text)
    {
        var chars = text.ToCharArray();
        var i = random.Next(1, chars.Length - 1);
        switch (random.Next(4))
        {
            case 0:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            case 1:
                return text.Remove(i, 1);
            case 2:
                return text.Insert(i, chars[i].ToString());
            default:
                var replacement = Keyboard[random.Next(Keyboard.Length)];
                chars[i] = char.IsUpper(chars[i]) ? char.ToUpperInvariant(replacement) : replacement;
                return new string(chars);
        }
    }

    private static string DomainTypo(ref WorldRandom random, string domain) => domain switch
    {
        "gmail.com" => random.Pick(["gmial.com", "gmail.co", "gmai.com", "gnail.com"]),
        "hotmail.com" => random.Pick(["hotmial.com", "hotmail.co", "hotnail.com"]),
        "yahoo.com" => random.Pick(["yaho.com", "yahooo.com"]),
        "outlook.com" => random.Pick(["outlok.com", "outlook.co"]),
        _ => domain.EndsWith(".com", StringComparison.Ordinal) ? domain[..^4] + ".con" : Typo(ref random, domain),
    };

    private static string CapitalizeWords(string email)
    {
        var builder = new StringBuilder(email.Length);
        var upper = true;
        foreach (var c in email)
        {
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = c is '.' or '@' or '_';
        }

        return builder.ToString();
    }

    private static bool HasUmlaut(string text) => text.AsSpan().IndexOfAny("äöüßÄÖÜ") >= 0;

    private static string Transliterate(string text, bool strip)
    {
        var builder = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                'ä' => strip ? "a" : "ae",
                'ö' => strip ? "o" : "oe",
                'ü' => strip ? "u" : "ue",
                'Ä' => strip ? "A" : "Ae",
                'Ö' => strip ? "O" : "Oe",
                'Ü' => strip ? "U" : "Ue",
                'ß' => "ss",
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }
}
