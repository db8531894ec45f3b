namespace Customer360Hub.Normalization;

/// <summary>Country names and codes as ISO 3166-1 alpha-2, the default region for phone numbers and dates.</summary>
public static class Countries
{
    private static readonly Dictionary<string, string> Names = Build();

    /// <summary>The two-letter code of a country given as a code (US, USA) or a common name in English or its own language; null when unknown.</summary>
    public static string? ToIso2(string? country)
    {
        var folded = TextFolding.Fold(country);
        if (folded.Length == 0)
        {
            return null;
        }

        if (Names.TryGetValue(folded, out var code))
        {
            return code;
        }

        return folded.Length == 2 && PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(folded.ToUpperInvariant())
            ? folded.ToUpperInvariant()
            : null;
    }

    // Country-code domains sold worldwide as generic names (example.io, example.co): no hint of a country.
    private static readonly HashSet<string> GenericCountryDomains = new(StringComparer.Ordinal)
    {
        "io", "co", "me", "tv", "ai", "ly", "gg", "fm", "am", "to", "cc", "ws", "nu", "la", "sh", "ac", "ag", "vc", "so", "gl", "is", "im", "cx",
    };

    /// <summary>The country an email domain hints at (x.co.uk: GB, x.de: DE), for a record that gives none; null for generic domains (.com, .io).</summary>
    public static string? FromEmailDomain(string? domain)
    {
        var dot = domain?.LastIndexOf('.') ?? -1;
        var tld = dot < 0 ? null : domain![(dot + 1)..];
        return tld is { Length: 2 } && !GenericCountryDomains.Contains(tld) ? ToIso2(tld) : null;
    }

    /// <summary>True for countries that write dates month first (03/04/2020 is 4 March elsewhere, 3 April here).</summary>
    public static bool WritesMonthFirst(string? iso2) => iso2 is "US" or "PH" or "FM" or "MH" or "PW";

    private static Dictionary<string, string> Build()
    {
        var table = new (string Code, string Names)[]
        {
            ("US", "usa|us|united states|united states of america|america|u s a|u s"), ("GB", "uk|gb|gbr|united kingdom|great britain|england|scotland|wales|northern ireland|britain"),
            ("IE", "ireland|irl|eire"), ("CA", "canada|can"), ("AU", "australia|aus"), ("NZ", "new zealand|nzl"), ("DE", "germany|deutschland|deu|ger"),
            ("AT", "austria|osterreich|aut"), ("CH", "switzerland|schweiz|suisse|svizzera|che"), ("FR", "france|fra"), ("BE", "belgium|belgique|belgie|bel"),
            ("NL", "netherlands|the netherlands|holland|nederland|nld"), ("LU", "luxembourg|lux"), ("ES", "spain|espana|esp"), ("PT", "portugal|prt"),
            ("IT", "italy|italia|ita"), ("DK", "denmark|danmark|dnk"), ("SE", "sweden|sverige|swe"), ("NO", "norway|norge|nor"), ("FI", "finland|suomi|fin"),
            ("IS", "iceland|island|isl"), ("PL", "poland|polska|pol"), ("CZ", "czech republic|czechia|cesko|cze"), ("SK", "slovakia|slovensko|svk"),
            ("HU", "hungary|magyarorszag|hun"), ("RO", "romania|rou"), ("BG", "bulgaria|bgr"), ("GR", "greece|grc|hellas"), ("TR", "turkey|turkiye|tur"),
            ("HR", "croatia|hrvatska|hrv"), ("SI", "slovenia|slovenija|svn"), ("RS", "serbia|srb"), ("UA", "ukraine|ukr"), ("RU", "russia|russian federation|rus"),
            ("EE", "estonia|est"), ("LV", "latvia|lva"), ("LT", "lithuania|ltu"), ("MX", "mexico|mex"), ("BR", "brazil|brasil|bra"), ("AR", "argentina|arg"),
            ("CL", "chile|chl"), ("CO", "colombia|col"), ("PE", "peru|per"), ("IN", "india|ind"), ("CN", "china|chn|prc"), ("JP", "japan|jpn|nippon"),
            ("KR", "south korea|korea|republic of korea|kor"), ("SG", "singapore|sgp"), ("HK", "hong kong|hkg"), ("TW", "taiwan|twn"), ("ZA", "south africa|zaf"),
            ("IL", "israel|isr"), ("AE", "united arab emirates|uae|are"), ("SA", "saudi arabia|sau"), ("EG", "egypt|egy"), ("NG", "nigeria|nga"), ("KE", "kenya|ken"),
            ("PH", "philippines|phl"), ("MY", "malaysia|mys"), ("TH", "thailand|tha"), ("ID", "indonesia|idn"), ("VN", "vietnam|viet nam|vnm"), ("PK", "pakistan|pak"),
        };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, list) in table)
        {
            foreach (var name in list.Split('|'))
            {
                names[name] = code;
            }
        }

        return names;
    }
}
