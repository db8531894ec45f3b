using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Admin-only: connector health (docs/connectors.md), an operation of <see cref="ApiOperations"/>.</summary>
public sealed class ConnectorHealth(Customer360Api api)
{
    [Function(nameof(ListConnectors))]
    public IResult ListConnectors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/connectors")] HttpRequest request) =>
        api.Operation(ApiOperations.ListConnectors, new Dictionary<string, string?>());
}
