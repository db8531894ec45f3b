using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Customer360Hub.Api.UnitTests.Support;

/// <summary>
/// A stand-in Entra ID tenant: locally generated RSA signing keys published through OpenID Connect
/// discovery and a JWKS document (served to the API's metadata HTTP client), and tokens signed with them.
/// </summary>
public sealed class FakeEntraId : IDisposable
{
    public const string Authority = "https://login.example.test/tenant-1/v2.0";
    public const string Audience = "api://customer360hub";

    private readonly List<(RSA Rsa, string Kid)> _published = [];

    public FakeEntraId() => Rotate();

    /// <summary>The key that signs new tokens; published keys stay published.</summary>
    public (RSA Rsa, string Kid) Current => _published[^1];

    public int MetadataRequests { get; private set; }

    public void Rotate() => _published.Add((RSA.Create(2048), "kid-" + _published.Count));

    public string Token(
        IEnumerable<string> roles,
        DateTimeOffset now,
        string? audience = Audience,
        string issuer = Authority,
        TimeSpan? lifetime = null,
        RSA? signWith = null,
        bool user = false)
    {
        var claims = new Dictionary<string, object> { ["roles"] = roles.ToArray(), ["oid"] = "00000000-0000-0000-0000-000000000042" };
        if (user)
        {
            claims["scp"] = "Profiles.Read";
            claims["preferred_username"] = Keys.OwnerUser;
        }
        else
        {
            claims["azp"] = "salesforce-client";
        }

        var key = signWith is null ? new RsaSecurityKey(Current.Rsa) { KeyId = Current.Kid } : new RsaSecurityKey(signWith) { KeyId = "unpublished" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.Add(lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public HttpMessageHandler Handler() => new MetadataHandler(this);

    public void Dispose()
    {
        foreach (var (rsa, _) in _published)
        {
            rsa.Dispose();
        }
    }

    private string Jwks()
    {
        var keys = _published.Select(k =>
        {
            var p = k.Rsa.ExportParameters(includePrivateParameters: false);
            return $$"""{"kty":"RSA","use":"sig","kid":"{{k.Kid}}","n":"{{Base64Url.EncodeToString(p.Modulus)}}","e":"{{Base64Url.EncodeToString(p.Exponent)}}"}""";
        });
        return """{"keys":[""" + string.Join(',', keys) + "]}";
    }

    private sealed class MetadataHandler(FakeEntraId tenant) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            tenant.MetadataRequests++;
            var path = request.RequestUri!.AbsolutePath;
            var body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? $$"""{"issuer":"{{Authority}}","jwks_uri":"https://login.example.test/tenant-1/discovery/v2.0/keys","id_token_signing_alg_values_supported":["RS256"]}"""
                : path.EndsWith("/keys", StringComparison.Ordinal) ? tenant.Jwks() : null;
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
