using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Customer360Hub.Api.Security;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Pipeline;

/// <summary>An authenticated, authorized request as handlers see it, and what it disclosed (for the audit trail).</summary>
public sealed class ApiRequest(HttpContext httpContext, ApiOperation operation, Caller caller, string correlationId, IReadOnlyDictionary<string, string?> routeValues)
{
    public HttpContext HttpContext { get; } = httpContext;

    public ApiOperation Operation { get; } = operation;

    public Caller Caller { get; } = caller;

    public string CorrelationId { get; } = correlationId;

    public CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Profiles disclosed by the response; null when it disclosed none.</summary>
    public IReadOnlyList<string>? DisclosedProfiles { get; private set; }

    /// <summary>Field groups present in the response, by name.</summary>
    public IReadOnlyList<string> DisclosedGroups { get; private set; } = [];

    /// <summary>Non-personal context for the audit record (the kind of a lookup, never its value).</summary>
    public string? AuditDetail { get; set; }

    public string Route(string name) =>
        routeValues.TryGetValue(name, out var value) && value is not null ? value : throw ApiProblemException.BadRequest($"The route value '{name}' is missing.", "Check the request path.");

    /// <summary>A query parameter given at most once; null when absent.</summary>
    public string? Query(string name)
    {
        var values = HttpContext.Request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw ApiProblemException.BadRequest($"The query parameter '{name}' is given more than once.", "Give each query parameter once."),
        };
    }

    /// <summary>An integer query parameter within bounds, or <paramref name="fallback"/> when absent.</summary>
    public int QueryInt(string name, int fallback, int minimum, int maximum)
    {
        var text = Query(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw ApiProblemException.BadRequest($"The query parameter '{name}' is out of range.", $"Use a whole number from {minimum} to {maximum}.");
    }

    /// <summary>A boolean query parameter (<c>true</c> or <c>false</c>); false when absent.</summary>
    public bool QueryBool(string name) => Query(name) switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw ApiProblemException.BadRequest($"The query parameter '{name}' is not a boolean.", "Use true or false."),
    };

    /// <summary>The JSON request body, at most <paramref name="maxBytes"/> long; 415 for another media type, 413 when too long, 400 when not valid JSON.</summary>
    public async Task<T> BodyAsync<T>(JsonTypeInfo<T> typeInfo, int maxBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var request = HttpContext.Request;
        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.", "Send Content-Type: application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"Send at most {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, Aborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"Send at most {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo)
                ?? throw ApiProblemException.BadRequest("The body is empty.", "Send a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiProblemException.BadRequest("The body is not valid JSON for this operation.", "See the operation's request body in /api/v1/openapi.json.");
        }
    }

    /// <summary>Profiles changed by a change operation (its audit record names them).</summary>
    public IReadOnlyList<string> ChangedProfiles { get; private set; } = [];

    public void Changed(IReadOnlyList<string> profileIds) => ChangedProfiles = profileIds;

    public void Disclosed(IReadOnlyList<string> profileIds, IReadOnlyList<string> groups)
    {
        DisclosedProfiles = profileIds;
        DisclosedGroups = groups;
    }
}
