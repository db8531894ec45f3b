using Customer360Hub.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Admin-only: inspect and replay dead letters (docs/operations.md).</summary>
public sealed class DeadLetters(HttpApi api)
{
    [Function(nameof(ListDeadLetters))]
    public Task<IResult> ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/dead-letters/{topic}/{subscription}")] HttpRequest request,
        string topic,
        string subscription,
        CancellationToken cancellationToken) =>
        api.ListDeadLettersAsync(request, topic, subscription, cancellationToken);

    [Function(nameof(ReplayDeadLetters))]
    public Task<IResult> ReplayDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/dead-letters/{topic}/{subscription}/replay")] HttpRequest request,
        string topic,
        string subscription,
        CancellationToken cancellationToken) =>
        api.ReplayDeadLettersAsync(request, topic, subscription, cancellationToken);
}
