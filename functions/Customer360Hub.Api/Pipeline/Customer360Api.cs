using System.Diagnostics;
using Customer360Hub.Api.Auditing;
using Customer360Hub.Api.Security;
using Customer360Hub.Auditing;
using Customer360Hub.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Api.Pipeline;

/// <summary>
/// Runs an operation for one HTTP request in either host: authenticates the caller, checks the
/// role, refuses undeclared query parameters, calls the handler, audits what was disclosed (a
/// change durably, before answering), records the request's duration, and answers every failure
/// as an RFC 9457 problem. The Functions app's HTTP triggers return <see cref="Operation"/>.
/// </summary>
public sealed partial class Customer360Api(
    ApiOperations operations,
    CallerAuthenticator authenticator,
    AuditTrail audit,
    TimeProvider time,
    ILogger<Customer360Api> logger)
{
    public ApiOperations Operations => operations;

    public async Task InvokeAsync(string operationId, HttpContext context, IReadOnlyDictionary<string, string?> routeValues)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = operations.Find(operationId) ?? throw new ArgumentException($"Unknown operation '{operationId}'.", nameof(operationId));
        var started = Stopwatch.GetTimestamp();
        var correlationId = CorrelationIds.Of(context);
        IResult result;
        try
        {
            result = await RunAsync(operation, context, correlationId, routeValues).ConfigureAwait(false);
        }
        catch (ApiProblemException problem)
        {
            result = Problems.From(problem);
        }
        catch (BadHttpRequestException ex)
        {
            result = Problems.Create(ex.StatusCode, "The request could not be read.", ex.Message);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            LogFailed(logger, ex, operation.Id, correlationId);
            result = Problems.Create(StatusCodes.Status500InternalServerError, "The request failed.", "Quote the correlation id when reporting this.");
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
        if (HubTelemetry.ApiLatency.Enabled)
        {
            RecordLatency(operation, started, context.Response.StatusCode);
        }
    }

    private static void RecordLatency(ApiOperation operation, long started, int status) =>
        HubTelemetry.ApiLatency.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("route", operation.Route),
            new KeyValuePair<string, object?>("status", status));

    /// <summary>
    /// The operation as an <see cref="IResult"/> for hosts whose triggers return one (the Functions
    /// app): executing it runs <see cref="InvokeAsync"/> on the request.
    /// </summary>
    public IResult Operation(string operationId, IReadOnlyDictionary<string, string?> routeValues) => new OperationResult(this, operationId, routeValues);

    /// <summary>Writes a problem for requests no operation matches (unknown routes, wrong methods).</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string title, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        CorrelationIds.Of(context);
        return Problems.Create(status, title, detail).ExecuteAsync(context);
    }

    private async Task<IResult> RunAsync(ApiOperation operation, HttpContext context, string correlationId, IReadOnlyDictionary<string, string?> routeValues)
    {
        if (operation.Anonymous)
        {
            return await operation.Handler(new ApiRequest(context, operation, new Caller("anonymous", []), correlationId, routeValues)).ConfigureAwait(false);
        }

        var (caller, failure) = await authenticator.AuthenticateAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey header=\"X-Api-Key\"";
            return Problems.Unauthorized(failure);
        }

        if (!MayCall(caller, operation))
        {
            await audit.RecordAsync(Record(operation, caller, correlationId, AuditActions.Denied, StatusCodes.Status403Forbidden, [], []), context.RequestAborted).ConfigureAwait(false);
            return Problems.Forbidden(caller.Roles);
        }

        foreach (var name in context.Request.Query.Keys)
        {
            if (!operation.Parameters.Any(p => p.In == "query" && p.Name == name))
            {
                throw ApiProblemException.BadRequest($"Unknown query parameter '{Truncate(name)}'.", $"{operation.Id} accepts: {string.Join(", ", operation.Parameters.Where(p => p.In == "query").Select(p => p.Name))}.");
            }
        }

        var request = new ApiRequest(context, operation, caller, correlationId, routeValues);
        if (operation.IsChange)
        {
            return await ChangeAsync(operation, request).ConfigureAwait(false);
        }

        var result = await operation.Handler(request).ConfigureAwait(false);
        if (request.DisclosedProfiles is { } profiles)
        {
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            await audit.RecordAsync(Record(operation, caller, correlationId, AuditActions.Read, status, profiles, request.DisclosedGroups, request.AuditDetail), context.RequestAborted).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Runs a change and writes its audit record durably before anything is answered, also when the
    /// change failed part-way (the record then says so with the failure's status).
    /// </summary>
    private async Task<IResult> ChangeAsync(ApiOperation operation, ApiRequest request)
    {
        IResult result;
        try
        {
            result = await operation.Handler(request).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var failed = ex is ApiProblemException problem ? problem.Status : ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            await RecordChangeAsync(operation, request, failed).ConfigureAwait(false);
            throw;
        }

        await RecordChangeAsync(operation, request, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK).ConfigureAwait(false);
        return result;
    }

    private Task RecordChangeAsync(ApiOperation operation, ApiRequest request, int status) =>
        // Not on the request's token: a change that happened is recorded even if its caller went away.
        audit.RecordDurablyAsync(
            Record(operation, request.Caller, request.CorrelationId, AuditActions.Change, status, request.ChangedProfiles, request.DisclosedGroups, request.AuditDetail),
            CancellationToken.None);

    private AuditRecord Record(ApiOperation operation, Caller caller, string correlationId, string action, int status, IReadOnlyList<string> profiles, IReadOnlyList<string> groups, string? detail = null)
    {
        var now = time.GetUtcNow();
        return new AuditRecord
        {
            Id = AuditIds.Next(now),
            At = now,
            CorrelationId = correlationId,
            Caller = caller.Name,
            Roles = caller.Roles,
            Operation = operation.Id,
            Action = action,
            ProfileIds = profiles,
            FieldGroups = groups,
            Status = status,
            Detail = detail,
        };
    }

    private static bool MayCall(Caller caller, ApiOperation operation)
    {
        for (var i = 0; i < caller.Roles.Count; i++)
        {
            if (operation.Roles.Contains(caller.Roles[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private sealed class OperationResult(Customer360Api api, string operationId, IReadOnlyDictionary<string, string?> routeValues) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => api.InvokeAsync(operationId, httpContext, routeValues);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {Operation} failed (correlation id {CorrelationId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string correlationId);
}
