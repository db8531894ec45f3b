namespace Customer360Hub.Profiles;

/// <summary>
/// One edge of the reference index (container <c>refs</c>, partition = a reference: a record key
/// or <c>email:</c>/<c>phone:</c> value). <see cref="Kind"/> says what points here: a linked
/// transaction (with the profile it is on), a party record claiming an email or phone, a contact
/// of an account (with its roles), or a child account.
/// </summary>
public sealed record RefLink(string Kind, string RecordKey)
{
    public const string Transaction = "tx";
    public const string Party = "party";
    public const string Contact = "contact";
    public const string Child = "child";

    /// <summary>For a transaction: the profile its timeline entry is on.</summary>
    public string? ProfileId { get; init; }

    /// <summary>For a contact: its roles at the account.</summary>
    public List<string>? Roles { get; init; }

    public static string IdFor(string kind, string recordKey) => kind + "|" + recordKey;
}
