using System.Net.Http.Headers;
using Azure.Core;

namespace Customer360Hub.Azure.Messaging;

/// <summary>Adds a Microsoft Entra token for <paramref name="scope"/> to every request, renewed five minutes before it expires.</summary>
internal sealed class BearerTokenHandler(TokenCredential credential, string scope, TimeProvider time) : DelegatingHandler
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_token))
        {
            return _token.Token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh(_token))
            {
                _token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            }

            return _token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh(AccessToken token) => token.Token is not null && token.ExpiresOn > time.GetUtcNow().AddMinutes(5);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refresh.Dispose();
        }

        base.Dispose(disposing);
    }
}
