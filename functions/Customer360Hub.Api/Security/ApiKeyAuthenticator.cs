using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Security;

/// <summary>
/// Recognises callers by API key. The lookup time says nothing about how close a guess was: keys
/// are found by the process's randomized string hash (a guess cannot aim at a key's bucket), and a
/// candidate is compared in constant time. No per-request hashing of the key is needed.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private const int MaxKeyLength = 256;
    private readonly FrozenDictionary<string, Caller> _callers;

    public ApiKeyAuthenticator(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _callers = options.Value.Keys.ToFrozenDictionary(
            k => k.Key,
            k => new Caller(k.Name, [k.Role], k.Manager, k.UserId),
            FixedTimeOrdinal.Instance);
    }

    public bool HasKeys => _callers.Count > 0;

    /// <summary>The caller, or null for an unknown key.</summary>
    public Caller? Authenticate(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return presented.Length is > 0 and <= MaxKeyLength && _callers.TryGetValue(presented, out var caller) ? caller : null;
    }

    /// <summary>Ordinal equality in time independent of where two keys differ; the randomized ordinal hash code.</summary>
    private sealed class FixedTimeOrdinal : IEqualityComparer<string>
    {
        public static readonly FixedTimeOrdinal Instance = new();

        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(x.AsSpan()), MemoryMarshal.AsBytes(y.AsSpan()));

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj);
    }
}
