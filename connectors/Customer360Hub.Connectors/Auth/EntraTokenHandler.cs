using System.Net.Http.Headers;
using Azure.Core;

namespace Customer360Hub.Connectors.Auth;

/// <summary>Adds an Entra ID bearer token (OAuth client credentials through a <see cref="TokenCredential"/>) to every request.</summary>
public sealed class EntraTokenHandler(TokenCredential credential, string scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Azure.Identity caches the token and renews it before it expires.
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
