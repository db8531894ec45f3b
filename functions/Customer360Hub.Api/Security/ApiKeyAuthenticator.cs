using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Security;

/// <summary>
/// Recognises callers by API key. Keys are looked up by their SHA-256, so the lookup time
/// says nothing about how close a guess was.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private const int MaxKeyLength = 256;
    private readonly FrozenDictionary<string, Caller> _callers;

    public ApiKeyAuthenticator(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _callers = options.Value.Keys.ToFrozenDictionary(
            k => Hash(k.Key),
            k => new Caller(k.Name, [k.Role], k.Manager, k.UserId),
            StringComparer.Ordinal);
    }

    public bool HasKeys => _callers.Count > 0;

    /// <summary>The caller, or null for an unknown key.</summary>
    public Caller? Authenticate(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return presented.Length is > 0 and <= MaxKeyLength && _callers.TryGetValue(Hash(presented), out var caller) ? caller : null;
    }

    private static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexString(hash);
    }
}
