namespace Customer360Hub.Normalization;

/// <summary>Parses and normalises email addresses; placeholders and malformed values give null.</summary>
public static class EmailNormalizer
{
    private static readonly HashSet<string> RoleLocalParts = new(StringComparer.Ordinal)
    {
        "info", "noreply", "no-reply", "donotreply", "do-not-reply", "admin", "administrator", "sales", "support", "help", "contact",
        "office", "hello", "enquiries", "enquiry", "inquiries", "billing", "accounts", "accounting", "finance", "invoices", "orders",
        "service", "customerservice", "team", "marketing", "webmaster", "postmaster", "hostmaster", "abuse", "mail", "email", "reception",
        "hr", "jobs", "careers", "press", "media", "legal", "privacy", "security", "it", "test", "example", "user", "none", "null", "na",
        "unknown", "nobody", "noemail", "nomail", "mailer-daemon", "root", "general", "feedback", "newsletter", "notifications",
        "purchasing", "procurement", "payables", "receivables", "bookings", "reservations", "shipping", "returns", "operations", "ops",
        "dispatch", "events", "partners", "investors", "compliance", "reply",
    };

    private static readonly HashSet<string> PlaceholderDomains = new(StringComparer.Ordinal)
    {
        "none.com", "noemail.com", "nomail.com", "noemail.invalid", "invalid", "localhost",
    };

    private static readonly HashSet<string> FreeMailDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "hotmail.com", "hotmail.co.uk",
        "hotmail.fr", "hotmail.de", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "gmx.de",
        "gmx.net", "gmx.com", "web.de", "t-online.de", "protonmail.com", "proton.me", "mail.com", "yandex.ru", "yandex.com", "mail.ru",
        "qq.com", "163.com", "126.com", "orange.fr", "free.fr", "laposte.net", "libero.it", "virgilio.it", "btinternet.com", "comcast.net",
        "verizon.net", "att.net", "sbcglobal.net", "bigpond.com", "optusnet.com.au", "shaw.ca", "rogers.com", "zoho.com", "fastmail.com",
        "cox.net", "charter.net", "earthlink.net", "bellsouth.net", "optonline.net", "juno.com", "frontier.com", "windstream.net",
        "centurylink.net", "q.com", "rocketmail.com", "sympatico.ca", "bell.net", "videotron.ca", "telus.net", "sky.com", "virginmedia.com",
        "talktalk.net", "ntlworld.com", "blueyonder.co.uk", "tiscali.co.uk", "btopenworld.com", "freenet.de", "arcor.de", "online.de",
        "posteo.de", "mailbox.org", "vodafone.de", "kpnmail.nl", "ziggo.nl", "planet.nl", "xs4all.nl", "home.nl", "chello.nl", "hetnet.nl",
        "casema.nl", "telfort.nl", "wanadoo.fr", "sfr.fr", "neuf.fr", "bluewin.ch", "telenet.be", "skynet.be", "rediffmail.com", "naver.com",
    };

    // Providers that run the same free service under many country domains (hotmail.nl, yahoo.ca, outlook.de, ...).
    private static readonly HashSet<string> FreeMailBrands = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol", "icloud", "gmx", "proton", "protonmail",
        "yandex", "zoho", "tutanota", "hushmail", "fastmail",
    };

    /// <summary>
    /// The normalised address, or null when the value is not an address or is a placeholder
    /// (a repeated character, a no-mail domain). Role accounts (info@, noreply@) are returned, flagged.
    /// </summary>
    public static NormalizedEmail? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (trimmed?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true)
        {
            trimmed = trimmed[7..];
        }

        trimmed = trimmed?.Trim().Trim('<', '>', '"', '\'').Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 320)
        {
            return null;
        }

        var address = trimmed.ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var local = address[..at];
        var domain = address[(at + 1)..].TrimEnd('.');
        if (!domain.Contains('.', StringComparison.Ordinal) || PlaceholderDomains.Contains(domain) || domain.EndsWith(".invalid", StringComparison.Ordinal))
        {
            return null;
        }

        var matchLocal = local;
        var plus = matchLocal.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            matchLocal = matchLocal[..plus];
        }

        var matchDomain = domain;
        if (domain is "gmail.com" or "googlemail.com")
        {
            // Google documents that dots in a Gmail username are ignored and googlemail.com is the same service.
            matchLocal = matchLocal.Replace(".", string.Empty, StringComparison.Ordinal);
            matchDomain = "gmail.com";
        }

        if (Placeholders.IsRepeatedCharacter(matchLocal) || matchLocal.Length == 0)
        {
            return null;
        }

        var role = RoleLocalParts.Contains(matchLocal) || RoleLocalParts.Contains(matchLocal.Replace(".", "-", StringComparison.Ordinal));
        return new NormalizedEmail(address, matchLocal + "@" + matchDomain, matchLocal, matchDomain, role, IsFreeMail(matchDomain));
    }

    private static bool IsFreeMail(string domain) =>
        FreeMailDomains.Contains(domain) || FreeMailBrands.Contains(domain[..domain.IndexOf('.', StringComparison.Ordinal)]);
}
