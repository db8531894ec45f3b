using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.Security;

/// <summary>
/// Finds the caller of a request: <c>Authorization: Bearer</c> (Entra ID, when configured) or
/// <c>X-Api-Key</c> (when keys are configured). Anything else is anonymous.
/// </summary>
public sealed class CallerAuthenticator(ApiKeyAuthenticator keys, IServiceProvider services)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly EntraIdAuthenticator? _entraId = services.GetService<EntraIdAuthenticator>();

    /// <summary>The caller, or null with the reason (null reason: no credentials were sent).</summary>
    public async ValueTask<(Caller? Caller, string? Failure)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiKeys = request.Headers[ApiKeyHeader];
        var authorization = request.Headers.Authorization;
        if (apiKeys.Count == 0 && authorization.Count == 0)
        {
            return (null, null);
        }

        if (apiKeys.Count + authorization.Count > 1)
        {
            return (null, "Send exactly one credential: one X-Api-Key header or one Authorization header.");
        }

        if (apiKeys.Count == 1)
        {
            if (!keys.HasKeys)
            {
                return (null, "API keys are not accepted here; send an Entra ID bearer token.");
            }

            return keys.Authenticate(apiKeys[0] ?? string.Empty) is { } caller ? (caller, null) : (null, "The API key is not valid.");
        }

        var value = authorization[0] ?? string.Empty;
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Only the Bearer authorization scheme is accepted.");
        }

        if (_entraId is null)
        {
            return (null, "Bearer tokens are not accepted here; send an X-Api-Key header.");
        }

        return await _entraId.AuthenticateAsync(value["Bearer ".Length..].Trim(), cancellationToken).ConfigureAwait(false);
    }
}
