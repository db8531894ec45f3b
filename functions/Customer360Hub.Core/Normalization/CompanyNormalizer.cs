namespace Customer360Hub.Normalization;

/// <summary>
/// Normalises organisation names: case, accents and punctuation folded, "&amp;" read as "and",
/// a leading "the" and legal-form suffixes (Inc, LLC, Ltd, GmbH, S.A., Pty Ltd, ...) removed, so
/// "The Acme Company, Inc." and "ACME Co" compare equal.
/// </summary>
public static class CompanyNormalizer
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd", "limited", "plc", "pty", "pte", "gmbh", "mbh",
        "ag", "kg", "ohg", "ug", "ev", "sa", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "vof", "oy", "oyj", "ab", "as", "asa", "aps",
        "kk", "kft", "zrt", "sro", "sp", "zoo", "doo", "ooo", "pvt", "bhd", "sdn", "cv", "sc", "se", "lda", "ltda", "group", "holding", "holdings",
    };

    /// <summary>The normalised name, or null for placeholders and names that are nothing but a legal form.</summary>
    public static string? Normalize(string? companyName)
    {
        if (string.IsNullOrWhiteSpace(companyName) || Placeholders.IsPlaceholderText(companyName))
        {
            return null;
        }

        // Dotted legal forms ("S.A.", "B.V.", "Co.") fold letter by letter; join single letters first.
        var tokens = TextFolding.Tokens(companyName.Replace("&", " and ", StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal)).ToList();
        while (tokens.Count > 1 && LegalForms.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count > 1 && tokens[0] == "the")
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count > 1 && tokens[^1] == "and")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens.Count == 0 ? null : string.Join(' ', tokens);
    }
}
