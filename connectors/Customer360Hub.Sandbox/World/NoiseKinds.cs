namespace Customer360Hub.Sandbox.World;

/// <summary>How a source record differs from the customer's true values (several may apply).</summary>
[Flags]
public enum NoiseKinds
{
    None = 0,

    /// <summary>A nickname instead of the given name (Bob for Robert).</summary>
    Nickname = 1,

    /// <summary>A typing error in a name.</summary>
    NameTypo = 2,

    /// <summary>Another way of writing the name: upper case, "Family, Given", middle initial, initial only, transliterated umlauts.</summary>
    NameFormat = 4,

    /// <summary>A typing error in the email address.</summary>
    EmailTypo = 8,

    /// <summary>The other of personal and work email.</summary>
    AlternateEmail = 16,

    /// <summary>Email address in mixed case or with spaces around it.</summary>
    EmailCase = 32,

    /// <summary>The phone in a national or punctuated format rather than E.164.</summary>
    PhoneFormat = 64,

    /// <summary>Another of the customer's numbers (mobile, home, work).</summary>
    AlternatePhone = 128,

    /// <summary>Abbreviations, casing, apartment placement, postcode, region or country spelled differently.</summary>
    AddressFormat = 256,

    /// <summary>An address the customer has moved away from.</summary>
    StaleAddress = 512,

    /// <summary>One or more fields the system could hold are empty.</summary>
    MissingFields = 1024,

    /// <summary>A second record of the same customer in the same system.</summary>
    Duplicate = 2048,

    /// <summary>The company name without its legal form, or abbreviated.</summary>
    CompanyNameFormat = 4096,
}
