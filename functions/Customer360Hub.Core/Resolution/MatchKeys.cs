using Customer360Hub.Changes;

namespace Customer360Hub.Resolution;

/// <summary>Match keys of the identity index: <c>kind:normalised value</c>.</summary>
public static class MatchKeys
{
    public const string EmailPrefix = "email:";

    /// <summary>Trimmed and lower-cased; null when it is not an address at all.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        var at = trimmed?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (trimmed is null || at <= 0 || at == trimmed.Length - 1)
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    public static string? EmailKey(string? email) => NormalizeEmail(email) is { } normalized ? EmailPrefix + normalized : null;

    /// <summary>The keys a party record contributes to the identity index.</summary>
    public static IReadOnlyList<string> ForParty(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.TryGetValue(CanonicalFields.Email, out var email) && EmailKey(email) is { } key ? [key] : [];
    }
}
