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

    /// <summary>For an organisation: the record key of its parent organisation.</summary>
    public const string ParentAccountRef = "parent_account_ref";

    /// <summary><c>customer</c>, <c>prospect</c>, <c>partner</c> or <c>competitor</c> (households are grouped by identity).</summary>
    public const string AccountType = "account_type";

    /// <summary>For a contact: roles at its account, comma separated (<c>buyer</c>, <c>champion</c>, <c>executive_sponsor</c>, ...).</summary>
    public const string ContactRole = "contact_role";

    /// <summary>The account owner: the email address of the account team member alerts about this customer go to.</summary>
    public const string Owner = "owner";

    /// <summary>Preferences: an ISO 639 language code and the channel the person prefers.</summary>
    public const string PreferredLanguage = "preferred_language";
    public const string PreferredChannel = "preferred_channel";

    /// <summary>Consent per channel: <c>opted_in</c> or <c>opted_out</c> (yes/no, true/false, subscribed/unsubscribed are accepted).</summary>
    public const string ConsentEmail = "consent_email";
    public const string ConsentSms = "consent_sms";
    public const string ConsentPhone = "consent_phone";
    public const string ConsentMail = "consent_mail";

    /// <summary>Transaction: when it happened (ISO 8601).</summary>
    public const string OccurredAt = "occurred_at";
    public const string Amount = "amount";
    public const string Currency = "currency";

    /// <summary>Transaction status in the canonical vocabulary of its kind (see docs/profiles.md).</summary>
    public const string Status = "status";
    public const string Title = "title";

    /// <summary>Invoice: the amount still owed (defaults to <see cref="Amount"/> while open).</summary>
    public const string AmountDue = "amount_due";

    /// <summary>Invoice: the date payment is due (ISO 8601 date).</summary>
    public const string DueDate = "due_date";

    /// <summary>Subscription or order: the product (plan, SKU or name).</summary>
    public const string Product = "product";

    /// <summary>Subscription: the billing interval of <see cref="Amount"/>: <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c> or <c>year</c>.</summary>
    public const string BillingInterval = "billing_interval";

    /// <summary>Subscription: units billed; usage: the measured quantity.</summary>
    public const string Quantity = "quantity";

    /// <summary>Subscription: the next renewal date (ISO 8601 date).</summary>
    public const string RenewalDate = "renewal_date";

    /// <summary>Opportunity: the expected close date (ISO 8601 date).</summary>
    public const string CloseDate = "close_date";

    /// <summary>Ticket: customer satisfaction, <c>good</c>/<c>bad</c> or a score from 1 to 5.</summary>
    public const string Csat = "csat";

    /// <summary>Marketing event or interaction: the channel (<c>email</c>, <c>sms</c>, <c>phone</c>, <c>meeting</c>, ...).</summary>
    public const string Channel = "channel";

    /// <summary>Ticket: the priority (<c>low</c>, <c>normal</c>, <c>high</c>, <c>urgent</c>, ...); see <c>Profiles:Aggregates:EscalationPriorities</c>.</summary>
    public const string Priority = "priority";

    /// <summary>Survey answer: the Net Promoter Score answer, a whole number from 0 to 10.</summary>
    public const string Nps = "nps";

    /// <summary>Subscription: the usage the plan allows per day, in the unit of the usage records' <see cref="Quantity"/>.</summary>
    public const string UsageLimit = "usage_limit";

    // Party, beyond the design's columns.
    public const string Website = "website";
    public const string JobTitle = "job_title";

    /// <summary>A CRM lead's status (open, converted, ...).</summary>
    public const string LeadStatus = "lead_status";

    // Transactions, beyond the aggregated attributes above.
    public const string AmountPaid = "amount_paid";
    public const string LineCount = "line_count";
    public const string CanceledAt = "canceled_at";

    /// <summary>Opportunity: the sales stage.</summary>
    public const string Stage = "stage";
    public const string Comment = "comment";

    /// <summary>Interaction: <c>inbound</c> or <c>outbound</c>.</summary>
    public const string Direction = "direction";
    public const string Campaign = "campaign";

    /// <summary>The record key of another record of the same source it refers to (the invoice a payment pays, ...).</summary>
    public const string RelatedRef = "related_ref";

    /// <summary>The party fields of the design, in its order: the columns of a batch file.</summary>
    public static IReadOnlyList<string> PartyColumns { get; } =
    [
        RecordId, GivenName, FamilyName, FullName, CompanyName, Email, Phone,
        AddressLine1, AddressLine2, City, Postcode, Region, Country, DateOfBirth, NationalId,
    ];
}
