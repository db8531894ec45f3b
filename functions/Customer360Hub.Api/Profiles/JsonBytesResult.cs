using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// Pre-rendered JSON with its ETag (or a 304 without a body). Responses vary by credential and
/// must not be stored by shared caches.
/// </summary>
internal sealed class JsonBytesResult(byte[]? body, string etag, string? contentLocation = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => body is null ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode!.Value;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Authorization, X-Api-Key";
        if (contentLocation is not null)
        {
            response.Headers.ContentLocation = contentLocation;
        }

        if (body is null)
        {
            return Task.CompletedTask;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (weak comparison, RFC 9110 13.1.2).</summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        foreach (var header in request.Headers.IfNoneMatch)
        {
            foreach (var candidate in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
