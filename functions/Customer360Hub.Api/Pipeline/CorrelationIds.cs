using System.Diagnostics;
using Customer360Hub.Auditing;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Pipeline;

/// <summary>
/// The id that ties a request to its audit record, logs and problem responses: the caller's
/// <c>X-Correlation-Id</c> when it is well-formed, else the trace id. It is sent back in the same
/// header, which is also where later steps of the request (problem details) find it.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 64;

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.Headers[Header] is [{ } assigned])
        {
            return assigned;
        }

        var presented = context.Request.Headers[Header];
        var id = presented.Count == 1 && IsWellFormed(presented[0])
            ? presented[0]!
            : Activity.Current?.TraceId.ToHexString() ?? AuditIds.Next(TimeProvider.System.GetUtcNow());
        if (!context.Response.HasStarted)
        {
            context.Response.Headers[Header] = id;
        }

        return id;
    }

    private static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
