using System.Text;

namespace Customer360Hub.Normalization;

/// <summary>
/// Normalises street addresses: case, accents and punctuation folded, street types and
/// directions abbreviated the way postal services do ("Street" to "st", "North" to "n"),
/// apartment, suite and flat numbers recognised ("Apt 4B", "#4B", "Unit 4B", "4B/12 High St")
/// and placeholders ignored.
/// </summary>
public static class AddressNormalizer
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["street"] = "st", ["str"] = "st", ["strasse"] = "str", ["avenue"] = "ave", ["av"] = "ave", ["avn"] = "ave", ["road"] = "rd",
        ["drive"] = "dr", ["drv"] = "dr", ["lane"] = "ln", ["court"] = "ct", ["crt"] = "ct", ["place"] = "pl", ["boulevard"] = "blvd",
        ["crescent"] = "cres", ["cresent"] = "cres", ["crs"] = "cres", ["circuit"] = "cct", ["circle"] = "cir", ["close"] = "cl",
        ["terrace"] = "tce", ["terr"] = "tce", ["parade"] = "pde", ["highway"] = "hwy", ["square"] = "sq", ["parkway"] = "pkwy",
        ["grove"] = "gr", ["gardens"] = "gdns", ["garden"] = "gdn", ["mount"] = "mt", ["esplanade"] = "esp", ["expressway"] = "expy",
        ["freeway"] = "fwy", ["heights"] = "hts", ["junction"] = "jct", ["point"] = "pt", ["ridge"] = "rdg", ["route"] = "rte",
        ["trail"] = "trl", ["turnpike"] = "tpke", ["valley"] = "vly", ["view"] = "vw", ["village"] = "vlg", ["walk"] = "wlk",
        ["plaza"] = "plz", ["alley"] = "aly", ["avenues"] = "aves", ["cove"] = "cv", ["centre"] = "ctr", ["center"] = "ctr",
        ["north"] = "n", ["south"] = "s", ["east"] = "e", ["west"] = "w", ["northeast"] = "ne", ["northwest"] = "nw",
        ["southeast"] = "se", ["southwest"] = "sw", ["saint"] = "st", ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd",
    };

    private static readonly HashSet<string> UnitMarkers = new(StringComparer.Ordinal)
    {
        "apt", "apartment", "unit", "flat", "suite", "ste", "room", "rm", "lot", "shop", "villa", "#",
    };

    private static readonly HashSet<string> NumberMarkers = new(StringComparer.Ordinal) { "no", "nr", "number" };

    private static readonly HashSet<string> FloorMarkers = new(StringComparer.Ordinal) { "floor", "fl", "level", "lvl" };

    /// <summary>Normalises the address lines and the postcode; empty parts are null.</summary>
    public static NormalizedAddress Normalize(string? line1, string? line2, string? postcode)
    {
        string? number = null, unit = null;
        var street = new List<string>();
        Parse(line1, street, ref number, ref unit);

        string? extra = null;
        if (!string.IsNullOrWhiteSpace(line2) && !Placeholders.IsPlaceholderText(line2))
        {
            var second = new List<string>();
            string? number2 = null, unit2 = null;
            Parse(line2, second, ref number2, ref unit2);
            unit ??= unit2;
            if (street.Count == 0 && second.Count > 0)
            {
                // The street is on the second line (the first held a building or a unit).
                street = second;
                number ??= number2;
            }
            else if (second.Count > 0)
            {
                extra = string.Join(' ', second);
            }
            else if (number2 is not null)
            {
                unit ??= number2;
            }
        }

        return new NormalizedAddress(number, street.Count == 0 ? null : string.Join(' ', street), unit, extra, NormalizePostcode(postcode));
    }

    /// <summary>Upper case, letters and digits only; a US ZIP+4 (12345-6789) as its five-digit ZIP; null for placeholders.</summary>
    public static string? NormalizePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode) || Placeholders.IsPlaceholderText(postcode))
        {
            return null;
        }

        var trimmed = postcode.Trim();
        if (trimmed.Length == 10 && trimmed[5] == '-' && trimmed.AsSpan(0, 5).ContainsAnyExceptInRange('0', '9') is false && trimmed.AsSpan(6).ContainsAnyExceptInRange('0', '9') is false)
        {
            // The four digits after the hyphen name a delivery segment inside the ZIP; many records leave them out.
            return trimmed[..5];
        }

        var compact = TextFolding.Compact(postcode).ToUpperInvariant();
        return compact.Length == 0 || Placeholders.IsRepeatedCharacter(compact) ? null : compact;
    }

    private static void Parse(string? line, List<string> street, ref string? number, ref string? unit)
    {
        if (string.IsNullOrWhiteSpace(line) || Placeholders.IsPlaceholderText(line))
        {
            return;
        }

        var tokens = Tokenize(line);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (UnitMarkers.Contains(token) && i + 1 < tokens.Count && HasDigit(tokens[i + 1]))
            {
                unit ??= tokens[++i];
                continue;
            }

            if (FloorMarkers.Contains(token) && i + 1 < tokens.Count && HasDigit(tokens[i + 1]))
            {
                i++;
                continue;
            }

            if (NumberMarkers.Contains(token) && i + 1 < tokens.Count && HasDigit(tokens[i + 1]))
            {
                continue;
            }

            if (token.Contains('/', StringComparison.Ordinal))
            {
                // "4/12 High St": unit 4 of number 12 (Australian and New Zealand style).
                var parts = token.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && HasDigit(parts[0]) && HasDigit(parts[1]))
                {
                    unit ??= parts[0];
                    number ??= parts[1];
                    continue;
                }

                token = token.Replace("/", string.Empty, StringComparison.Ordinal);
            }

            if (number is null && street.Count == 0 && HasDigit(token) && char.IsAsciiDigit(token[0]))
            {
                number = token;
                continue;
            }

            if (token.Length > 0 && token != "#")
            {
                street.Add(Abbreviations.GetValueOrDefault(token, token));
            }
        }
    }

    private static List<string> Tokenize(string line)
    {
        // Keep '#' and '/', and split "#4b" and "12a" style tokens only where a marker is glued on.
        var folded = TextFolding.Fold(line, keep: "#/");
        var spaced = new StringBuilder(folded.Length + 4);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == '#' && i + 1 < folded.Length && folded[i + 1] != ' ')
            {
                spaced.Append("# ");
                continue;
            }

            spaced.Append(c);
        }

        return spaced.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static bool HasDigit(string token) => token.Any(char.IsAsciiDigit);
}
