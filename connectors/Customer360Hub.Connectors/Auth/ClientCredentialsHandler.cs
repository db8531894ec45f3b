using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Customer360Hub.Connectors.Auth;

/// <summary>
/// OAuth 2.0 client credentials against a vendor's own token endpoint (Salesforce): fetches a
/// token once, reuses it, and fetches a new one when the API answers 401.
/// </summary>
public sealed class ClientCredentialsHandler(Uri tokenUrl, string clientId, string clientSecret, string? scope) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = _token ?? await RenewAsync(null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await RenewAsync(token, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> RenewAsync(string? expired, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _token != expired)
            {
                return _token;
            }

            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
            if (scope is not null)
            {
                form["scope"] = scope;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
            using var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
            }

            using var json = JsonDocument.Parse(body);
            _token = json.RootElement.GetProperty("access_token").GetString() ?? throw new HttpRequestException("The token endpoint returned no access_token.");
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
