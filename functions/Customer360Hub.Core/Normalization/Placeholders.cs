namespace Customer360Hub.Normalization;

/// <summary>
/// Values that systems put in a field when they have nothing real: they carry no identity and
/// must never make two records look alike.
/// </summary>
public static class Placeholders
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "na", "n a", "none", "null", "nil", "unknown", "unk", "not known", "not available", "not applicable",
        "no name", "noname", "no email", "no phone", "test", "testing", "tbd", "tba", "x", "xx", "xxx", "xxxx",
        "dummy", "sample", "anonymous", "anon", "customer", "guest", "nobody", "undefined", "empty", "blank",
        "missing", "other", "various", "nn", "nomail", "noemail",
    };

    /// <summary>True when the folded text is empty or one of the well-known fillers ("n/a", "unknown", "-", "test", ...).</summary>
    public static bool IsPlaceholderText(string? text)
    {
        var folded = TextFolding.Fold(text);
        return folded.Length == 0 || Words.Contains(folded) || IsRepeatedCharacter(folded);
    }

    /// <summary>"aaaa", "0000", "9999": one character repeated.</summary>
    public static bool IsRepeatedCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Length > 2 && compact.AsSpan().TrimStart(compact[0]).IsEmpty;
    }

    /// <summary>Digits counting up or down ("123456789", "987654321").</summary>
    public static bool IsSequence(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length < 6)
        {
            return false;
        }

        bool up = true, down = true;
        for (var i = 1; i < digits.Length; i++)
        {
            var step = (digits[i] - digits[i - 1] + 10) % 10;
            up &= step == 1;
            down &= step == 9;
        }

        return up || down;
    }
}
