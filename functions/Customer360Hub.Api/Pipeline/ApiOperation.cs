using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Pipeline;

/// <summary>
/// One API operation: route, the roles allowed, its declared parameters and the handler. Both hosts
/// (the local host's routes and the Functions app's HTTP triggers) run it through
/// <see cref="Customer360Api.InvokeAsync"/>, so authentication, roles, audit and problems are the same.
/// </summary>
public sealed record ApiOperation(
    string Id,
    string Method,
    string Route,
    string Tag,
    string Summary,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ApiParameter> Parameters,
    Type? ResponseType,
    IReadOnlyList<int> Statuses,
    Func<ApiRequest, Task<IResult>> Handler)
{
    /// <summary>No credentials needed (the OpenAPI document only).</summary>
    public bool Anonymous => Roles.Count == 0;

    /// <summary>The JSON body the operation reads, if any.</summary>
    public Type? RequestType { get; init; }

    /// <summary>The body may be left out (see the operation's summary for what that means).</summary>
    public bool RequestOptional { get; init; }

    /// <summary>
    /// The operation changes data (erasure, dead-letter replay): its audit record, whatever the
    /// outcome, is durable before the caller gets an answer.
    /// </summary>
    public bool IsChange { get; init; }
}
