using Customer360Hub.Matching;
using Customer360Hub.Normalization;

namespace Customer360Hub.Resolution;

/// <summary>Email keys of the identity index (<c>email:</c> + the mailbox match key), shared by lookups and transaction linking.</summary>
public static class MatchKeys
{
    public const string EmailPrefix = BlockingKeys.EmailPrefix;

    /// <summary>Trimmed and lower-cased; null when it is not an address at all.</summary>
    public static string? NormalizeEmail(string? email) => EmailNormalizer.Normalize(email)?.Address;

    /// <summary>The index key an address is found under (sub-addressing and Gmail dots folded); null when it is not an address.</summary>
    public static string? EmailKey(string? email) => EmailNormalizer.Normalize(email) is { } normalized ? EmailPrefix + normalized.MatchKey : null;
}
