using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Health and portfolio operations of <see cref="ApiOperations"/>, bound to HTTP triggers.</summary>
public sealed class Health(Customer360Api api)
{
    [Function(nameof(GetHealth))]
    public IResult GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/profiles/{id}/health")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.GetHealth, new Dictionary<string, string?> { ["id"] = id });

    [Function(nameof(GetPortfolioHealth))]
    public IResult GetPortfolioHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/portfolio/health")] HttpRequest request) =>
        api.Operation(ApiOperations.GetPortfolioHealth, new Dictionary<string, string?>());

    [Function(nameof(GetPortfolioTrend))]
    public IResult GetPortfolioTrend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/portfolio/trend")] HttpRequest request) =>
        api.Operation(ApiOperations.GetPortfolioTrend, new Dictionary<string, string?>());

    [Function(nameof(ListChurnRisk))]
    public IResult ListChurnRisk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/portfolio/churn-risk")] HttpRequest request) =>
        api.Operation(ApiOperations.ListChurnRisk, new Dictionary<string, string?>());

    [Function(nameof(ListExpansion))]
    public IResult ListExpansion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/portfolio/expansion")] HttpRequest request) =>
        api.Operation(ApiOperations.ListExpansion, new Dictionary<string, string?>());
}
