using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Customer360Hub.Functions.Http;

/// <summary>Account and household operations of <see cref="ApiOperations"/>, bound to HTTP triggers.</summary>
public sealed class Accounts(Customer360Api api)
{
    [Function(nameof(GetAccount))]
    public IResult GetAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts/{id}")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.GetAccount, new Dictionary<string, string?> { ["id"] = id });

    [Function(nameof(GetHousehold))]
    public IResult GetHousehold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/households/{id}")] HttpRequest request,
        string id) =>
        api.Operation(ApiOperations.GetHousehold, new Dictionary<string, string?> { ["id"] = id });
}
