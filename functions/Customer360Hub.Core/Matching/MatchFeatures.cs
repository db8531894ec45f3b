using Customer360Hub.Normalization;

namespace Customer360Hub.Matching;

/// <summary>
/// One party record normalised for matching: the values every comparison reads. Built by
/// <see cref="FeatureExtractor"/> from the record's canonical attributes only, so the same
/// record always gives the same features. <see cref="Ignored"/> says which values were set
/// aside as placeholders or shared mailboxes (for explanations).
/// </summary>
public sealed class MatchFeatures
{
    public required string RecordKey { get; init; }

    /// <summary>The record version the features were built from.</summary>
    public required string Version { get; init; }

    public PersonName Name { get; init; } = PersonName.Empty;

    /// <summary>True for an organisation (a company name and no person name, or party_type organization).</summary>
    public bool IsOrganization { get; init; }

    public string? Company { get; init; }

    /// <summary>A personal mailbox; for an organisation also a role mailbox (info@, office@), its own.</summary>
    public NormalizedEmail? Email { get; init; }

    /// <summary>The organisation's own email domain, from any address (role mailboxes included).</summary>
    public string? EmailDomain { get; init; }

    /// <summary>E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>The last eight digits of the phone number: of <see cref="Phone"/>, or of a number that could not be read as E.164 for want of a country.</summary>
    public string? PhoneDigits { get; init; }

    public NormalizedAddress Address { get; init; } = new(null, null, null, null, null);

    public string? City { get; init; }

    public string? Region { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    public DateOnly? BirthDate
    {
        get;
        init
        {
            field = value;
            BirthDateText = value?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The date of birth as yyyyMMdd.</summary>
    public string? BirthDateText { get; private init; }

    public string? NationalId { get; init; }

    /// <summary>For a person: the record key of the organisation it is a contact of (<c>account_ref</c>).</summary>
    public string? AccountRef { get; init; }

    public IReadOnlyList<string> Ignored { get; init; } = [];
}
