namespace Customer360Hub.Sandbox.World;

/// <summary>
/// A customer as it truly is: the ground truth that every source record of that customer is a
/// noisy view of. A person has names and personal contact points; an organisation has a name,
/// a domain and a role mailbox.
/// </summary>
public sealed record TrueCustomer
{
    /// <summary>Stable id, <c>cust-{unit}-{member}</c>; member 00 is a company's organisation.</summary>
    public required string Id { get; init; }

    public required CustomerType Type { get; init; }

    public required int Unit { get; init; }

    public required int Member { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? MiddleInitial { get; init; }

    /// <summary><c>Jr.</c> or <c>Sr.</c> for a father and son of the same name.</summary>
    public string? Suffix { get; init; }

    public bool Female { get; init; }

    /// <summary>The organisation's legal name, or the employer of a company contact.</summary>
    public string? CompanyName { get; init; }

    /// <summary>The organisation's name without its legal form.</summary>
    public string? CompanyShortName { get; init; }

    public string? Domain { get; init; }

    public string? JobTitle { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? NationalId { get; init; }

    public string? PersonalEmail { get; init; }

    public string? WorkEmail { get; init; }

    /// <summary>A mailbox the customer shares with others (household mailbox, or an organisation's role mailbox).</summary>
    public string? SharedEmail { get; init; }

    public string? MobilePhone { get; init; }

    /// <summary>A household's landline, shared by its members.</summary>
    public string? HomePhone { get; init; }

    /// <summary>The company switchboard (shared by colleagues) or a direct line.</summary>
    public string? WorkPhone { get; init; }

    public required Address Address { get; init; }

    /// <summary>An address the customer moved away from; some systems still hold it.</summary>
    public Address? PreviousAddress { get; init; }

    public string? HouseholdId { get; init; }

    /// <summary>For a company contact: the customer id of the organisation.</summary>
    public string? AccountId { get; init; }

    /// <summary>For a namesake: the customer whose name this one shares.</summary>
    public string? NamesakeOf { get; init; }

    public TrapKinds Traps { get; init; }

    /// <summary>The email the customer gives most often.</summary>
    public string? PrimaryEmail => WorkEmail is not null && Type == CustomerType.Person && AccountId is not null ? WorkEmail : PersonalEmail ?? WorkEmail;

    /// <summary>The phone the customer gives most often.</summary>
    public string? PrimaryPhone => MobilePhone ?? HomePhone ?? WorkPhone;

    public string FullName => Type == CustomerType.Organization
        ? CompanyName!
        : Suffix is null ? $"{GivenName} {FamilyName}" : $"{GivenName} {FamilyName} {Suffix}";

    public static string IdOf(int unit, int member) => $"cust-{unit:D7}-{member:D2}";
}
