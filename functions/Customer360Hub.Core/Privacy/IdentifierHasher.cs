using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Privacy;

/// <summary>Keyed hashes of normalised identifiers (<c>record:</c>, <c>email:</c>, <c>phone:</c> plus the value).</summary>
public sealed class IdentifierHasher(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.HashKey);

    public string Hash(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(identifier), mac);
        return Convert.ToHexStringLower(mac);
    }
}
