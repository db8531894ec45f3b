namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Which customers one system knows and what it keeps about them: coverage per kind of
/// customer, the entity types records land in, and how complete its fields are.
/// </summary>
internal sealed record SourceProfile
{
    public required string Source { get; init; }

    /// <summary>Entity type for consumers and household members (null: the system has none).</summary>
    public string? ConsumerEntity { get; init; }

    /// <summary>Entity type for the people of a company.</summary>
    public string? ContactEntity { get; init; }

    /// <summary>Entity type for organisations.</summary>
    public string? OrganizationEntity { get; init; }

    /// <summary>A second entity type some people of a company also appear in (Salesforce leads).</summary>
    public string? ProspectEntity { get; init; }

    public double HeadRate { get; init; }

    public double MemberRate { get; init; }

    public double ContactRate { get; init; }

    public double OrganizationRate { get; init; }

    public double ProspectRate { get; init; }

    public double DuplicateRate { get; init; }

    /// <summary>The system keeps given and family name apart (otherwise one full name).</summary>
    public bool SplitNames { get; init; }

    public bool KeepsFullNameToo { get; init; }

    public double AddressRate { get; init; }

    public double PhoneRate { get; init; }

    public double EmailMissingRate { get; init; }

    public double BirthDateRate { get; init; }

    public double NationalIdRate { get; init; }

    public double NameTypoRate { get; init; } = 0.04;

    /// <summary>Organisation records have an email field (the role mailbox).</summary>
    public bool OrganizationEmail { get; init; }

    /// <summary>Organisation records have a phone field (the switchboard).</summary>
    public bool OrganizationPhone { get; init; }

    /// <summary>Consumers use their personal address here even when they have a work one.</summary>
    public bool PrefersPersonalEmail { get; init; }

    public static readonly SourceProfile BusinessCentral = new()
    {
        Source = SourceNames.BusinessCentral,
        ConsumerEntity = "customers",
        ContactEntity = "contacts",
        OrganizationEntity = "customers",
        HeadRate = 0.35, MemberRate = 0.1, ContactRate = 0.5, OrganizationRate = 0.85, DuplicateRate = 0.04,
        AddressRate = 0.95, PhoneRate = 0.85, EmailMissingRate = 0.1, OrganizationEmail = true, OrganizationPhone = true,
    };

    public static readonly SourceProfile Stripe = new()
    {
        Source = SourceNames.Stripe,
        ConsumerEntity = "customers",
        OrganizationEntity = "customers",
        HeadRate = 0.55, MemberRate = 0.25, OrganizationRate = 0.4, DuplicateRate = 0.08,
        AddressRate = 0.7, PhoneRate = 0.5, EmailMissingRate = 0.02, PrefersPersonalEmail = true, OrganizationEmail = true, OrganizationPhone = true,
    };

    public static readonly SourceProfile Zendesk = new()
    {
        Source = SourceNames.Zendesk,
        ConsumerEntity = "users",
        ContactEntity = "users",
        OrganizationEntity = "organizations",
        HeadRate = 0.4, MemberRate = 0.2, ContactRate = 0.45, OrganizationRate = 0.5, DuplicateRate = 0.05,
        AddressRate = 0, PhoneRate = 0.4, EmailMissingRate = 0.03, NameTypoRate = 0.06,
    };

    public static readonly SourceProfile HubSpot = new()
    {
        Source = SourceNames.HubSpot,
        ConsumerEntity = "contacts",
        ContactEntity = "contacts",
        OrganizationEntity = "companies",
        HeadRate = 0.6, MemberRate = 0.35, ContactRate = 0.65, OrganizationRate = 0.7, DuplicateRate = 0.05,
        SplitNames = true, AddressRate = 0.6, PhoneRate = 0.7, EmailMissingRate = 0.01, BirthDateRate = 0.15, OrganizationPhone = true,
    };

    public static readonly SourceProfile Salesforce = new()
    {
        Source = SourceNames.Salesforce,
        ConsumerEntity = "Lead",
        ContactEntity = "Contact",
        OrganizationEntity = "Account",
        ProspectEntity = "Lead",
        HeadRate = 0.2, MemberRate = 0.05, ContactRate = 0.7, OrganizationRate = 0.85, ProspectRate = 0.1, DuplicateRate = 0.03,
        SplitNames = true, AddressRate = 0.8, PhoneRate = 0.85, EmailMissingRate = 0.05, BirthDateRate = 0.2, OrganizationPhone = true,
    };

    public static readonly SourceProfile FileDrop = new()
    {
        Source = SourceNames.FileDrop,
        ConsumerEntity = "members",
        HeadRate = 0.3, MemberRate = 0.3, DuplicateRate = 0.03,
        SplitNames = true, KeepsFullNameToo = true, AddressRate = 0.9, PhoneRate = 0.8, EmailMissingRate = 0.15,
        BirthDateRate = 0.9, NationalIdRate = 0.6, NameTypoRate = 0.06, PrefersPersonalEmail = true,
    };

    public static IReadOnlyList<SourceProfile> All { get; } = [BusinessCentral, Stripe, Zendesk, HubSpot, Salesforce, FileDrop];

    public static SourceProfile Of(string source) =>
        All.FirstOrDefault(p => p.Source == source) ?? throw new ArgumentException($"'{source}' holds no party records in the world.", nameof(source));
}
