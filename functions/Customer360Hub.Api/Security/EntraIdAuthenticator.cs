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
    private static readonly TimeSpan MetadataLifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly string _metadataAddress;
    private readonly HttpDocumentRetriever _retriever;
    private readonly SemaphoreSlim _metadataLock = new(1, 1);
    private OpenIdConnectConfiguration? _metadata;
    private DateTimeOffset _fetchedAt;
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
        _metadataAddress = authority + "/.well-known/openid-configuration";
        _retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = _options.RequireHttpsMetadata };
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
        if (!result.IsValid && await RefreshForUnknownKeyAsync(token, cancellationToken).ConfigureAwait(false))
        {
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
        var metadata = await MetadataAsync(force: false, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Entra ID rolls its signing keys: a token signed with a key id we have not seen fetches the keys again (at most every 30 s).</summary>
    private async Task<bool> RefreshForUnknownKeyAsync(string token, CancellationToken cancellationToken)
    {
        string kid;
        try
        {
            kid = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var known = _metadata?.SigningKeys.Any(k => k.KeyId == kid) ?? false;
        if (known || string.IsNullOrEmpty(kid) || _time.GetUtcNow() - _fetchedAt < MinimumRefreshInterval)
        {
            return false;
        }

        await MetadataAsync(force: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<OpenIdConnectConfiguration> MetadataAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && _metadata is { } current && _time.GetUtcNow() - _fetchedAt < MetadataLifetime)
        {
            return current;
        }

        await _metadataLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && _metadata is { } fetched && _time.GetUtcNow() - _fetchedAt < MetadataLifetime)
            {
                return fetched;
            }

            try
            {
                _metadata = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataAddress, _retriever, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException)
            {
                throw new Pipeline.ApiProblemException(503, "The identity provider's signing keys are unavailable.", "Retry shortly.", null, ex);
            }

            _fetchedAt = _time.GetUtcNow();
            return _metadata;
        }
        finally
        {
            _metadataLock.Release();
        }
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
