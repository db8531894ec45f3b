namespace Customer360Hub.Changes;

/// <summary>
/// Names of canonical attributes on a <see cref="SourceChange"/>. Party fields are the
/// columns of the design's canonical party; transaction fields are shared by every
/// transaction kind. Connector mappings target these names.
/// </summary>
public static class CanonicalFields
{
    // Party.
    public const string RecordId = "record_id";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string FullName = "full_name";
    public const string CompanyName = "company_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string AddressLine1 = "address_line1";
    public const string AddressLine2 = "address_line2";
    public const string City = "city";
    public const string Postcode = "postcode";
    public const string Region = "region";
    public const string Country = "country";
    public const string DateOfBirth = "date_of_birth";
    public const string NationalId = "national_id";

    /// <summary><c>person</c> or <c>organization</c>.</summary>
    public const string PartyType = "party_type";

    /// <summary>For a contact: the record key of the account (organisation) it belongs to.</summary>
    public const string AccountRef = "account_ref";

    /// <summary>Transaction: when it happened (ISO 8601).</summary>
    public const string OccurredAt = "occurred_at";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Status = "status";
    public const string Title = "title";

    /// <summary>The party fields of the design, in its order: the columns of a batch file.</summary>
    public static IReadOnlyList<string> PartyColumns { get; } =
    [
        RecordId, GivenName, FamilyName, FullName, CompanyName, Email, Phone,
        AddressLine1, AddressLine2, City, Postcode, Region, Country, DateOfBirth, NationalId,
    ];
}
