namespace Customer360Hub.Quality;

/// <summary>Email syntax check and the normal form used for contact points and references (trimmed, lower case).</summary>
public static class EmailAddress
{
    /// <summary>The normal form, or null when the text is not a plausible address.</summary>
    public static string? Normalize(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return null;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at > 64 || at == value.Length - 1 || value.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return null;
        }

        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in local)
        {
            if (c <= ' ' || c > '~' || "()<>[]:;,\\\"".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var labels = domain.ToString().Split('.');
        if (labels.Length < 2 || labels[^1].Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return value.ToLowerInvariant();
    }
}
