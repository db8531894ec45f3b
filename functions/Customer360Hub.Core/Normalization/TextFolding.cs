using System.Text;

namespace Customer360Hub.Normalization;

/// <summary>
/// Folds text for comparison: lower case, accents removed (with the usual transliterations such
/// as ß to ss), punctuation turned into spaces, runs of spaces collapsed. The hub runs with
/// invariant globalisation, so Unicode decomposition is not available and the Latin letters
/// customer data carries are mapped by table.
/// </summary>
public static class TextFolding
{
    private static readonly Dictionary<char, string> Latin = BuildLatin();

    /// <summary>The folded text; empty when nothing but punctuation and spaces remains.</summary>
    public static string Fold(string? text) => Fold(text, keep: null);

    /// <summary>As <see cref="Fold(string?)"/>, keeping the characters in <paramref name="keep"/> (for example '@' and '.').</summary>
    public static string Fold(string? text, string? keep)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (keep is not null && keep.Contains(c, StringComparison.Ordinal)))
            {
                Append(result, c, ref pendingSpace);
            }
            else if (c is '\'' or '\u2019' or '\u02bc')
            {
                // O'Brien and D'Angelo fold to obrien and dangelo, as most systems store them.
            }
            else if (Latin.TryGetValue(c, out var mapped))
            {
                foreach (var m in mapped)
                {
                    Append(result, m, ref pendingSpace);
                }
            }
            else if (char.IsLetter(c))
            {
                // Other scripts are kept as they are: folding them is not ours to guess.
                Append(result, c, ref pendingSpace);
            }
            else
            {
                pendingSpace = result.Length > 0;
            }
        }

        return result.ToString();
    }

    /// <summary>The folded text split into its words.</summary>
    public static string[] Tokens(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Only the letters and digits of the folded text.</summary>
    public static string Compact(string? text) => Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void Append(StringBuilder result, char c, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            result.Append(' ');
            pendingSpace = false;
        }

        result.Append(c);
    }

    private static Dictionary<char, string> BuildLatin()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string to)
        {
            foreach (var c in letters)
            {
                map[c] = to;
            }
        }

        Add("àáâãäåāăąǎȁȃạảấầẩẫậắằẳẵặ", "a");
        Add("æ", "ae");
        Add("çćĉċč", "c");
        Add("ďđð", "d");
        Add("èéêëēĕėęěȅȇẹẻẽếềểễệ", "e");
        Add("ĝğġģ", "g");
        Add("ĥħ", "h");
        Add("ìíîïĩīĭįıǐȉȋịỉ", "i");
        Add("ĳ", "ij");
        Add("ĵ", "j");
        Add("ķ", "k");
        Add("ĺļľŀł", "l");
        Add("ñńņňŉ", "n");
        Add("òóôõöøōŏőǒȍȏọỏốồổỗộớờởỡợơ", "o");
        Add("œ", "oe");
        Add("ŕŗř", "r");
        Add("śŝşšș", "s");
        Add("ß", "ss");
        Add("ţťŧț", "t");
        Add("þ", "th");
        Add("ùúûüũūŭůűųǔȕȗụủứừửữựư", "u");
        Add("ŵ", "w");
        Add("ýÿŷỳỵỷỹ", "y");
        Add("źżž", "z");
        return map;
    }
}
