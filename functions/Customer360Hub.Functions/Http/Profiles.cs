using Customer360Hub.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>The profile API under <c>/api/v1</c>, exactly as the local host serves it. Callers authenticate in <see cref="HttpApi"/>.</summary>
public sealed class Profiles(HttpApi api)
{
    [Function(nameof(LookupProfile))]
    public Task<IResult> LookupProfile(
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
