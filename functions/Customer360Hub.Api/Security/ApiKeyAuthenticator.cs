using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Security;

/// <summary>Recognises callers by the <c>X-Api-Key</c> header, comparing in constant time.</summary>
public sealed class ApiKeyAuthenticator(IOptionsMonitor<ApiOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The caller, or null when the request carries no known key.</summary>
    public Caller? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return null;
        }

        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        foreach (var key in options.CurrentValue.Keys)
        {
            if (key.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key.Key)))
            {
                return new Caller(key.Name, key.Role);
            }
        }

        return null;
    }
}
