using System.Text;

namespace Customer360Hub.Normalization;

/// <summary>American Soundex codes of folded names: a coarse key that survives most misspellings, for blocking.</summary>
public static class Phonetic
{
    /// <summary>Letter and three digits ("robert" and "rupert" give R163); empty when there are no letters.</summary>
    public static string Soundex(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var code = new StringBuilder(4);
        var previous = '\0';
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            var digit = DigitOf(c);
            if (code.Length == 0)
            {
                code.Append(char.ToUpperInvariant(c));
                previous = digit;
                continue;
            }

            if (digit != '0' && digit != previous)
            {
                code.Append(digit);
                if (code.Length == 4)
                {
                    break;
                }
            }

            // 'h' and 'w' do not separate equal codes; vowels do.
            if (c is not ('h' or 'w'))
            {
                previous = digit;
            }
        }

        return code.Length == 0 ? string.Empty : code.ToString().PadRight(4, '0');
    }

    private static char DigitOf(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
