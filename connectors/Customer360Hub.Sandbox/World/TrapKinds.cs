namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Look-alikes that are different customers and must never be merged. Set on a customer (what
/// it has in common with another) and on the source records where the trap shows.
/// </summary>
[Flags]
public enum TrapKinds
{
    None = 0,

    /// <summary>Same given and family name as another customer (sometimes in the same city).</summary>
    Namesake = 1,

    /// <summary>Shares the home address and landline with other members of the household.</summary>
    FamilyMember = 2,

    /// <summary>Father and son with the same name at the same address; the suffix is often left out.</summary>
    JuniorSenior = 4,

    /// <summary>A record carries a company's role mailbox (info@, accounts@, ...) used by several people.</summary>
    SharedRoleMailbox = 8,

    /// <summary>A record carries a household's shared mailbox used by both partners.</summary>
    SharedFamilyEmail = 16,

    /// <summary>A record carries a placeholder phone (000-000-0000, n/a, ...) that many records share.</summary>
    PlaceholderPhone = 32,

    /// <summary>Colleagues sharing the company address and switchboard number.</summary>
    Coworker = 64,
}
