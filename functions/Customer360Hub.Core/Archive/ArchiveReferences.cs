using System.Globalization;
using System.Security.Cryptography;

namespace Customer360Hub.Archive;

/// <summary>The reference scheme every raw archive shares: <c>source/entityType/yyyy/MM/dd/HHmmssfff-hash.json</c>.</summary>
public static class ArchiveReferences
{
    /// <summary>The reference of a page stored now; the same page in the same millisecond gets the same reference.</summary>
    public static string For(string source, string entityType, DateTimeOffset storedAt, ReadOnlySpan<byte> page)
    {
        var utc = storedAt.UtcDateTime;
        var hash = Convert.ToHexStringLower(SHA256.HashData(page)[..6]);
        return string.Join('/',
            Segment(source),
            Segment(entityType),
            utc.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            utc.ToString("HHmmssfff", CultureInfo.InvariantCulture) + "-" + hash + ".json");
    }

    /// <summary>Checks a reference handed back by a caller: relative, no empty or dot segments.</summary>
    public static string Validate(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var segments = reference.Split('/');
        return reference.Contains('\\', StringComparison.Ordinal) || segments.Any(s => s.Length == 0 || s is "." or "..")
            ? throw new ArgumentException($"'{reference}' is not inside the raw archive.", nameof(reference))
            : reference;
    }

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return value.IndexOfAny(['/', '\\', '.']) >= 0 || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            ? throw new ArgumentException($"'{value}' cannot be used as an archive folder name.", nameof(value))
            : value;
    }
}
