using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>The review queue and steward decisions of <see cref="ApiOperations"/>, bound to HTTP triggers.</summary>
public sealed class Identity(Customer360Api api)
{
    [Function(nameof(ListReviews))]
    public IResult ListReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/identity/reviews")] HttpRequest request) =>
        api.Operation(ApiOperations.ListReviews, new Dictionary<string, string?>());

    [Function(nameof(RecordStewardDecision))]
    public IResult RecordStewardDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/identity/decisions")] HttpRequest request) =>
        api.Operation(ApiOperations.RecordStewardDecision, new Dictionary<string, string?>());

    [Function(nameof(RevokeStewardDecision))]
    public IResult RevokeStewardDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/identity/decisions/{id}/revoke")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.RevokeStewardDecision, new Dictionary<string, string?> { ["id"] = id });
}
