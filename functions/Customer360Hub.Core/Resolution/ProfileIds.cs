using System.Security.Cryptography;
using System.Text;

namespace Customer360Hub.Resolution;

/// <summary>Profile ids: derived from the record that founded the profile, so a replay founds the same ids.</summary>
public static class ProfileIds
{
    public static string For(string foundingRecordKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(foundingRecordKey), hash);
        return "p-" + Convert.ToHexStringLower(hash[..10]);
    }

    /// <summary>True for strings shaped like a profile id (cheap validation before any store access).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 22 } && id.StartsWith("p-", StringComparison.Ordinal) && id.AsSpan(2).ContainsAnyExcept("0123456789abcdef") is false;
}
