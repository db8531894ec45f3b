using System.Net.Http.Headers;
using System.Text;

namespace Customer360Hub.Connectors.Auth;

/// <summary>Adds an API key or token: Bearer, or Basic <c>user/token:key</c> (Zendesk) when a user name is given.</summary>
public sealed class ApiKeyHandler(string apiKey, string? userName) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = userName is null
        ? new AuthenticationHeaderValue("Bearer", apiKey)
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}/token:{apiKey}")));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
