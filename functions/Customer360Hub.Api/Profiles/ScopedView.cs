using System.Security.Cryptography;
using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Scoping;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>A response rendered for one set of visible groups: the bytes sent, their ETag, and the groups they contain.</summary>
internal sealed record ScopedView(byte[] Body, string ETag, IReadOnlyList<string> Groups)
{
    /// <summary>Scopes a full (unscoped) JSON view under <paramref name="root"/> for the caller's groups.</summary>
    public static ScopedView Of(FieldScopePolicy policy, byte[] fullView, string root, ulong mask)
    {
        using var json = JsonDocument.Parse(fullView);
        var body = policy.Scope(json.RootElement, root, mask, out var emitted);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return new ScopedView(body, "\"" + Convert.ToHexStringLower(hash[..16]) + "\"", policy.GroupNames(emitted));
    }

    /// <summary>The response (304 when the request's If-None-Match is current), noting what it disclosed for the audit trail.</summary>
    public IResult Respond(ApiRequest request, IReadOnlyList<string> profileIds, string? contentLocation = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Disclosed(profileIds, Groups);
        return JsonBytesResult.NotModified(request.HttpContext.Request, ETag)
            ? new JsonBytesResult(null, ETag, contentLocation)
            : new JsonBytesResult(Body, ETag, contentLocation);
    }
}
