using Customer360Hub.Changes;
using Customer360Hub.Normalization;

namespace Customer360Hub.Matching;

/// <summary>Builds <see cref="MatchFeatures"/> from canonical party attributes with the normalisers.</summary>
public static class FeatureExtractor
{
    /// <param name="defaultCountry">The country assumed when a record has none (ISO 3166-1 alpha-2 or a name); may be null.</param>
    /// <param name="today">Dates of birth after it are impossible.</param>
    public static MatchFeatures Extract(string recordKey, string version, IReadOnlyDictionary<string, string> attributes, string? defaultCountry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var ignored = new List<string>();
        string? Get(string field) => attributes.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var rawEmail = Get(CanonicalFields.Email);
        var email = EmailNormalizer.Normalize(rawEmail);

        // Without a country, an email at a country's domain (.de, .co.uk) is the best hint for reading phone numbers and dates.
        var country = Countries.ToIso2(Get(CanonicalFields.Country)) ?? Countries.FromEmailDomain(email?.Domain) ?? Countries.ToIso2(defaultCountry);
        var name = NameNormalizer.Normalize(Get(CanonicalFields.GivenName), Get(CanonicalFields.FamilyName), Get(CanonicalFields.FullName));
        var company = CompanyNormalizer.Normalize(Get(CanonicalFields.CompanyName));
        var partyType = TextFolding.Fold(Get(CanonicalFields.PartyType));
        var isOrganization = partyType is "organization" or "organisation" or "company" || (partyType.Length == 0 && name.IsEmpty && company is not null);

        if (rawEmail is not null && email is null)
        {
            ignored.Add("email: not a usable address");
        }
        else if (email is { IsRoleAccount: true } && !isOrganization)
        {
            ignored.Add($"email: shared mailbox '{email.LocalPart}@' says nothing about a person");
        }

        var rawPhone = Get(CanonicalFields.Phone);
        var phone = PhoneNormalizer.ToE164(rawPhone, country);
        if (rawPhone is not null && phone is null)
        {
            ignored.Add("phone: placeholder or not a valid number");
        }

        var rawBirth = Get(CanonicalFields.DateOfBirth);
        var birth = DateOfBirthParser.Parse(rawBirth, country, today);
        if (rawBirth is not null && birth is null)
        {
            ignored.Add("date_of_birth: placeholder or unreadable");
        }

        var nationalId = NormalizeNationalId(Get(CanonicalFields.NationalId));
        var city = Get(CanonicalFields.City) is { } c && !Placeholders.IsPlaceholderText(c) ? TextFolding.Compact(c) : null;
        var region = Get(CanonicalFields.Region) is { } r && !Placeholders.IsPlaceholderText(r) ? TextFolding.Compact(r) : null;
        return new MatchFeatures
        {
            RecordKey = recordKey,
            Version = version,
            Name = name,
            IsOrganization = isOrganization,
            Company = company,
            // A role mailbox (info@, office@) says nothing about a person, but it is an organisation's own.
            Email = email is { IsRoleAccount: false } || isOrganization ? email : null,
            EmailDomain = email?.OrganizationDomain,
            Phone = phone,
            PhoneDigits = phone is not null ? phone[^8..] : country is null ? PhoneNormalizer.SubscriberDigits(rawPhone) : null,
            Address = AddressNormalizer.Normalize(Get(CanonicalFields.AddressLine1), Get(CanonicalFields.AddressLine2), Get(CanonicalFields.Postcode)),
            City = string.IsNullOrEmpty(city) ? null : city,
            Region = string.IsNullOrEmpty(region) ? null : region,
            Country = country,
            BirthDate = birth,
            NationalId = nationalId,
            AccountRef = !isOrganization && Get(CanonicalFields.AccountRef)?.Trim() is { Length: > 0 } account && account != recordKey ? account : null,
            Ignored = ignored,
        };
    }

    /// <summary>Letters and digits, upper case; null for placeholders such as 000-00-0000 or 123456789.</summary>
    public static string? NormalizeNationalId(string? value)
    {
        if (value is null || Placeholders.IsPlaceholderText(value))
        {
            return null;
        }

        var compact = TextFolding.Compact(value).ToUpperInvariant();
        var digits = new string(compact.Where(char.IsAsciiDigit).ToArray());
        if (compact.Length < 4 || Placeholders.IsRepeatedCharacter(compact) || (digits.Length == compact.Length && (Placeholders.IsSequence(digits) || digits.Trim('0').Length == 0)))
        {
            return null;
        }

        return compact;
    }
}
