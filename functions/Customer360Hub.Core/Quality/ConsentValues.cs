using Customer360Hub.Changes;

namespace Customer360Hub.Quality;

/// <summary>The consent vocabulary: per channel, <see cref="OptedIn"/> or <see cref="OptedOut"/>.</summary>
public static class ConsentValues
{
    public const string OptedIn = "opted_in";
    public const string OptedOut = "opted_out";

    /// <summary>Channel to its canonical attribute.</summary>
    public static IReadOnlyDictionary<string, string> Channels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email"] = CanonicalFields.ConsentEmail,
        ["sms"] = CanonicalFields.ConsentSms,
        ["phone"] = CanonicalFields.ConsentPhone,
        ["mail"] = CanonicalFields.ConsentMail,
    };

    /// <summary><see cref="OptedIn"/>, <see cref="OptedOut"/>, or null when the text says neither.</summary>
    public static string? Normalize(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "OPTED_IN" or "OPT_IN" or "OPTIN" or "IN" or "YES" or "Y" or "TRUE" or "1" or "SUBSCRIBED" or "GRANTED" or "CONSENTED" => OptedIn,
        "OPTED_OUT" or "OPT_OUT" or "OPTOUT" or "OUT" or "NO" or "N" or "FALSE" or "0" or "UNSUBSCRIBED" or "DENIED" or "REVOKED" or "WITHDRAWN" or "CLEANED" => OptedOut,
        _ => null,
    };
}
