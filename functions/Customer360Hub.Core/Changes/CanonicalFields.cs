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

    // Party, beyond the design's columns.
    public const string Website = "website";
    public const string JobTitle = "job_title";

    /// <summary>For a contact: its role at the account in <see cref="AccountRef"/> (e.g. <c>contact</c>).</summary>
    public const string AccountRole = "account_role";

    /// <summary>A CRM lead's status (open, converted, ...).</summary>
    public const string LeadStatus = "lead_status";

    // Transactions, by kind where they apply.
    public const string Product = "product";
    public const string Quantity = "quantity";
    public const string AmountPaid = "amount_paid";
    public const string LineCount = "line_count";
    public const string DueAt = "due_at";
    public const string PeriodEnd = "period_end";
    public const string CanceledAt = "canceled_at";

    /// <summary>Opportunity: the sales stage.</summary>
    public const string Stage = "stage";
    public const string CloseDate = "close_date";

    /// <summary>Ticket: the customer's satisfaction rating (<c>good</c>/<c>bad</c>).</summary>
    public const string CsatRating = "csat_rating";
    public const string Comment = "comment";
    public const string Priority = "priority";

    /// <summary>How it reached or came from the customer: email, phone, web, meeting, ...</summary>
    public const string Channel = "channel";

    /// <summary>Interaction: <c>inbound</c> or <c>outbound</c>.</summary>
    public const string Direction = "direction";
    public const string Campaign = "campaign";

    /// <summary>Marketing consent: the channel (<c>email</c>) and <c>subscribed</c>/<c>unsubscribed</c>.</summary>
    public const string ConsentChannel = "consent_channel";
    public const string ConsentStatus = "consent_status";

    /// <summary>The record key of another record of the same source it refers to (the invoice a payment pays, ...).</summary>
    public const string RelatedRef = "related_ref";

    /// <summary>The party fields of the design, in its order: the columns of a batch file.</summary>
    public static IReadOnlyList<string> PartyColumns { get; } =
    [
        RecordId, GivenName, FamilyName, FullName, CompanyName, Email, Phone,
        AddressLine1, AddressLine2, City, Postcode, Region, Country, DateOfBirth, NationalId,
    ];
}
