namespace Customer360Hub.Sandbox.World;

/// <summary>
/// What one source system holds about one customer: the canonical party fields as that system
/// has them (with its noise), the true customer it belongs to, and what noise and traps it carries.
/// Vendor APIs of the sandbox render it in their own shapes; the export writes it as a CSV row.
/// </summary>
public sealed record PartyView
{
    public required string Source { get; init; }

    /// <summary>The vendor's entity type, as in the hub's record key (<c>customers</c>, <c>Contact</c>, ...).</summary>
    public required string EntityType { get; init; }

    /// <summary>The record's id in the source (the last part of the hub's record key).</summary>
    public required string RecordId { get; init; }

    /// <summary>The true customer (<see cref="TrueCustomer.Id"/>).</summary>
    public required string CustomerId { get; init; }

    public required CustomerType PartyType { get; init; }

    public required int Unit { get; init; }

    /// <summary>Record number inside the unit and source: orders the unit's records and makes ids unique.</summary>
    public required int Slot { get; init; }

    /// <summary>For a company contact: the record id of its organisation in the same system.</summary>
    public string? AccountRecordId { get; init; }

    /// <summary>The entity type of <see cref="AccountRecordId"/>.</summary>
    public string? AccountEntityType { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? FullName { get; init; }

    public string? CompanyName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>True when <see cref="Phone"/> is a mobile number (vendors keep it in a separate field).</summary>
    public bool PhoneIsMobile { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? Postcode { get; init; }

    public string? Region { get; init; }

    public string? Country { get; init; }

    /// <summary>ISO 8601 date.</summary>
    public string? DateOfBirth { get; init; }

    public string? NationalId { get; init; }

    public string? JobTitle { get; init; }

    /// <summary>An organisation's web domain.</summary>
    public string? Domain { get; init; }

    public NoiseKinds Noise { get; init; }

    public TrapKinds Traps { get; init; }

    /// <summary>The hub's record key tail: <c>entityType/recordId</c>, unique inside the source.</summary>
    public string Key => EntityType + "/" + RecordId;
}
