using Customer360Hub.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>The profile API under <c>/api/v1</c>, exactly as the local host serves it. Callers authenticate in <see cref="HttpApi"/>.</summary>
/// <remarks>
/// The Functions host tries routes in the alphabetical order of function names, not by ASP.NET
/// precedence, so <see cref="FindProfileByEmail"/> must sort before <see cref="GetProfile"/> or
/// <c>v1/profiles/{id}</c> would take <c>v1/profiles/lookup</c> (checked by HttpRouteOrderTests).
/// </remarks>
public sealed class Profiles(HttpApi api)
{
    [Function(nameof(FindProfileByEmail))]
    public Task<IResult> FindProfileByEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/lookup")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.LookupAsync(request, cancellationToken);

    [Function(nameof(GetProfile))]
    public Task<IResult> GetProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetProfileAsync(request, id, cancellationToken);

    [Function(nameof(GetTimeline))]
    public Task<IResult> GetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetTimelineAsync(request, id, cancellationToken);
}
