using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Admin-only: inspect and replay dead letters (docs/operations.md), operations of <see cref="ApiOperations"/>.</summary>
public sealed class DeadLetters(Customer360Api api)
{
    [Function(nameof(ListDeadLetters))]
    public IResult ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/dead-letters/{topic}/{subscription}")] HttpRequest request,
        string topic,
        string subscription) =>
        api.Operation(ApiOperations.ListDeadLetters, new Dictionary<string, string?> { ["topic"] = topic, ["subscription"] = subscription });

    [Function(nameof(ReplayDeadLetters))]
    public IResult ReplayDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/dead-letters/{topic}/{subscription}/replay")] HttpRequest request,
        string topic,
        string subscription) =>
        api.Operation(ApiOperations.ReplayDeadLetters, new Dictionary<string, string?> { ["topic"] = topic, ["subscription"] = subscription });
}
