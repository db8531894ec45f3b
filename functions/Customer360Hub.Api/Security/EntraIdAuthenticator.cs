using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Customer360Hub.Api.Security;

/// <summary>
/// Validates Microsoft Entra ID access tokens without ASP.NET Core authentication middleware, so the
/// same code runs in the local host and in the Functions isolated worker: signature against the
/// authority's published signing keys (OpenID Connect discovery, refreshed when an unknown key id
/// shows up), issuer, audience, lifetime; app roles become the caller's roles. A validated token is
/// remembered until it expires, so a busy caller pays for the RSA check once.
/// </summary>
public sealed partial class EntraIdAuthenticator
{
    public const string HttpClientName = "entra-id-metadata";
    private const int MaxCachedTokens = 10_000;
    private const int MaxTokenLength = 16 * 1024;

    private readonly EntraIdOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EntraIdAuthenticator> _logger;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Expires)> _validated = new(StringComparer.Ordinal);

    public EntraIdAuthenticator(IOptions<ApiOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<EntraIdAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value.EntraId;
        _time = time;
        _logger = logger;
        var authority = (_options.Authority ?? throw new InvalidOperationException("Api:EntraId:Authority is not configured.")).TrimEnd('/');
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            authority + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = _options.RequireHttpsMetadata });
    }

    /// <summary>The caller, or the reason the token was refused.</summary>
    public async Task<(Caller? Caller, string? Failure)> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is 0 or > MaxTokenLength)
        {
            return (null, "The bearer token is empty or too long.");
        }

        var cacheKey = Hash(token);
        var now = _time.GetUtcNow();
        if (_validated.TryGetValue(cacheKey, out var known) && known.Expires > now)
        {
            return (known.Caller, null);
        }

        var result = await ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Entra ID rolls its signing keys: fetch the published keys again, once.
            _metadata.RequestRefresh();
            result = await ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            LogRejected(_logger, result.Exception?.GetType().Name ?? "unknown");
            return (null, "The bearer token is not valid (signature, issuer, audience or lifetime).");
        }

        var caller = ToCaller(result.ClaimsIdentity);
        if (_validated.Count >= MaxCachedTokens)
        {
            _validated.Clear();
        }

        _validated[cacheKey] = (caller, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        return (caller, null);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [metadata.Issuer, .. _options.ExtraIssuers],
            ValidAudiences = _options.Audiences,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = ValidateLifetime,
            RoleClaimType = "roles",
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.Add(_options.ClockSkew) > now && (notBefore is not { } nbf || nbf.Subtract(_options.ClockSkew) <= now);
    }

    private Caller ToCaller(ClaimsIdentity identity)
    {
        string? Claim(string type) => identity.FindFirst(type)?.Value;
        var appRoles = identity.FindAll("roles").Select(c => c.Value).ToList();
        var roles = appRoles.Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        var manager = appRoles.Contains(_options.ManagerRole, StringComparer.Ordinal);

        // Delegated (user) tokens carry scopes; app-only tokens (client credentials, e.g. Salesforce) do not.
        var isUser = Claim("scp") is not null;
        var name = isUser
            ? "user:" + (Claim("oid") ?? Claim("sub") ?? "unknown")
            : "app:" + (Claim("azp") ?? Claim("appid") ?? Claim("sub") ?? "unknown");
        var userId = isUser ? Claim("preferred_username") ?? Claim("upn") ?? Claim("oid") : null;
        return new Caller(name, roles, manager, userId);
    }

    private static string Hash(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexString(hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
