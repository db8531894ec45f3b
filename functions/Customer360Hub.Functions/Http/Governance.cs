using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Data quality, erasure and audit operations of <see cref="ApiOperations"/>, bound to HTTP triggers.</summary>
public sealed class Governance(Customer360Api api)
{
    [Function(nameof(GetQualityReport))]
    public IResult GetQualityReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/quality")] HttpRequest request) =>
        api.Operation(ApiOperations.GetQualityReport, new Dictionary<string, string?>());

    [Function(nameof(RequestErasure))]
    public IResult RequestErasure(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/erasures")] HttpRequest request) =>
        api.Operation(ApiOperations.RequestErasure, new Dictionary<string, string?>());

    [Function(nameof(QueryAudit))]
    public IResult QueryAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/audit")] HttpRequest request) =>
        api.Operation(ApiOperations.QueryAudit, new Dictionary<string, string?>());

    [Function(nameof(GetOpenApi))]
    public IResult GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/openapi.json")] HttpRequest request) =>
        api.Operation(ApiOperations.GetOpenApi, new Dictionary<string, string?>());
}
