using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>
/// Profile operations of <see cref="ApiOperations"/>, bound to HTTP triggers: authentication, roles,
/// scoping, audit and problems all happen in <see cref="Customer360Api"/>, exactly as in the local host.
/// </summary>
/// <remarks>
/// The Functions host tries routes in the alphabetical order of function names, not by ASP.NET
/// precedence, so <see cref="FindProfile"/> and <see cref="FindProfiles"/> must sort before
/// <see cref="GetProfile"/> or <c>v1/profiles/{id}</c> would take their literal routes (checked by
/// HttpRouteOrderTests; HttpBindingTests checks every operation has its trigger).
/// </remarks>
public sealed class Profiles(Customer360Api api)
{
    [Function(nameof(FindProfile))]
    public IResult FindProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/lookup")] HttpRequest request) =>
        api.Operation(ApiOperations.LookupProfile, new Dictionary<string, string?>());

    [Function(nameof(FindProfiles))]
    public IResult FindProfiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/search")] HttpRequest request) =>
        api.Operation(ApiOperations.SearchProfiles, new Dictionary<string, string?>());

    [Function(nameof(GetProfile))]
    public IResult GetProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.GetProfile, new Dictionary<string, string?> { ["id"] = id });

    [Function(nameof(ExplainProfile))]
    public IResult ExplainProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}/explain")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.ExplainProfile, new Dictionary<string, string?> { ["id"] = id });

    [Function(nameof(GetTimeline))]
    public IResult GetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}/timeline")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.GetTimeline, new Dictionary<string, string?> { ["id"] = id });
}
