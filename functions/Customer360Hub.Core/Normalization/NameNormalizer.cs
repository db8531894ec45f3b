namespace Customer360Hub.Normalization;

/// <summary>
/// Normalises person names from whatever a source holds: separate given and family names, a
/// single display name ("Dr. Jane A. Smith Jr."), or a "Family, Given" display name. Honorifics
/// and professional suffixes are dropped, generational suffixes kept apart, placeholders ("n/a",
/// "unknown") ignored, accents and case folded.
/// </summary>
public static class NameNormalizer
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "mister", "missus", "dr", "doctor", "prof", "professor", "sir", "dame", "lady", "lord",
        "rev", "reverend", "revd", "fr", "father", "pastor", "rabbi", "imam", "mme", "mlle", "madame", "monsieur", "herr", "frau",
        "sra", "srta", "senor", "senora", "hon", "honorable", "capt", "captain", "col", "colonel", "gen", "general", "maj", "major",
        "lt", "sgt", "cpl", "dipl", "ing", "mag",
    };

    private static readonly Dictionary<string, string> Generations = new(StringComparer.Ordinal)
    {
        ["jr"] = "jr", ["junior"] = "jr", ["jnr"] = "jr", ["sr"] = "sr", ["senior"] = "sr", ["snr"] = "sr",
        ["ii"] = "ii", ["2nd"] = "ii", ["iii"] = "iii", ["3rd"] = "iii", ["iv"] = "iv", ["4th"] = "iv",
    };

    private static readonly HashSet<string> Credentials = new(StringComparer.Ordinal)
    {
        "phd", "md", "dds", "dmd", "esq", "cpa", "mba", "jd", "rn", "dvm", "msc", "bsc", "ba", "ma", "llm", "obe", "mbe", "cbe", "pe",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "st", "mac", "mc",
    };

    /// <summary>Builds the name from the canonical fields; the separate fields win over the display name.</summary>
    public static PersonName Normalize(string? givenName, string? familyName, string? fullName)
    {
        var given = Clean(givenName);
        var family = Clean(familyName);
        if (given.Count == 0 && family.Count == 0)
        {
            return ParseFull(fullName);
        }

        var generation = TakeGeneration(family) ?? TakeGeneration(given);
        StripHonorifics(given);
        return Build(given, family, generation);
    }

    /// <summary>Parses a display name: "Given Middle Family", "Family, Given Middle", with honorifics and suffixes.</summary>
    public static PersonName ParseFull(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return PersonName.Empty;
        }

        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            var before = Clean(fullName[..comma]);
            var after = Clean(fullName[(comma + 1)..]);
            var suffixOnly = after.Count > 0 && after.TrueForAll(t => Generations.ContainsKey(t) || Credentials.Contains(t));
            if (!suffixOnly && before.Count > 0)
            {
                // "Smith, Jane A." is family first.
                var generationAfter = TakeGeneration(after) ?? TakeGeneration(before);
                StripHonorifics(after);
                StripHonorifics(before);
                return Build(after, before, generationAfter);
            }

            before.AddRange(after);
            return FromTokens(before);
        }

        return FromTokens(Clean(fullName));
    }

    private static PersonName FromTokens(List<string> tokens)
    {
        var generation = TakeGeneration(tokens);
        StripHonorifics(tokens);
        if (tokens.Count == 0)
        {
            return generation is null ? PersonName.Empty : new PersonName(null, null, null, generation);
        }

        if (tokens.Count == 1)
        {
            return new PersonName(tokens[0], null, null, generation);
        }

        // The family name is the last word with any particles before it ("Ludwig van Beethoven").
        var start = tokens.Count - 1;
        while (start > 1 && Particles.Contains(tokens[start - 1]))
        {
            start--;
        }

        return Build(tokens[..start], tokens[start..], generation);
    }

    private static PersonName Build(List<string> given, List<string> family, string? generation)
    {
        var first = given.Count > 0 ? given[0] : null;
        var middle = given.Count > 1 ? string.Join(' ', given.Skip(1)) : null;
        var familyName = family.Count > 0 ? string.Concat(family) : null;
        return new PersonName(first, middle, familyName, generation);
    }

    private static List<string> Clean(string? text)
    {
        if (text is null || Placeholders.IsPlaceholderText(text))
        {
            return [];
        }

        // Hyphenated names are one name ("Garcia-Lopez", "Jean-Luc"), however a source spaces them.
        return TextFolding.Tokens(text.Replace("-", string.Empty, StringComparison.Ordinal)).Where(t => !Credentials.Contains(t)).ToList();
    }

    private static string? TakeGeneration(List<string> tokens)
    {
        if (tokens.Count > 1 && Generations.TryGetValue(tokens[^1], out var generation))
        {
            tokens.RemoveAt(tokens.Count - 1);
            return generation;
        }

        return null;
    }

    private static void StripHonorifics(List<string> tokens)
    {
        while (tokens.Count > 1 && Honorifics.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }
    }
}
