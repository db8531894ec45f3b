using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Business Central API v2.0: <c>/api/v2.0/companies({id})/{customers|contacts|salesOrders|salesInvoices|customerPayments}</c>
/// with <c>$filter=lastModifiedDateTime gt|ge ...</c>, <c>$orderby=lastModifiedDateTime</c>,
/// <c>$top</c>, <c>$expand=salesInvoiceLines</c> and <c>@odata.nextLink</c> paging through <c>$skiptoken</c>.
/// Deletions are not tracked by this API (as in Business Central).
/// </summary>
internal static class BusinessCentralApi
{
    private static readonly string[] EntitySets = ["customers", "contacts", "salesOrders", "salesInvoices", "customerPayments"];

    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        routes.MapGet("/api/v2.0/companies({companyId})/{entitySet}", (HttpRequest request, string companyId, string entitySet) =>
        {
            if (!Guid.TryParse(companyId, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "BadRequest_InvalidToken", $"'{companyId}' is not a valid company id.");
            }

            if (!EntitySets.Contains(entitySet, StringComparer.Ordinal))
            {
                return Error(StatusCodes.Status404NotFound, "BadRequest_NotFound", $"The endpoint '{entitySet}' does not exist.");
            }

            return Page(request, world, renderer, companyId, entitySet);
        });
    }

    private static IResult Page(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string companyId, string entitySet)
    {
        var top = int.TryParse(request.Query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 1, 20000) : 20000;
        DateTimeOffset? since = null;
        string? afterId = null;
        if (request.Query["$skiptoken"].ToString() is { Length: > 0 } token)
        {
            if (!Cursor.TryDecode(token, out var at, out var id, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "BadRequest_InvalidToken", "The $skiptoken is not valid.");
            }

            (since, afterId) = (at, id);
        }
        else if (request.Query["$filter"].ToString() is { Length: > 0 } filter)
        {
            if (!TryParseFilter(filter, out var op, out var from))
            {
                return Error(StatusCodes.Status400BadRequest, "BadRequest_MethodNotImplemented", $"The filter '{filter}' is not supported.");
            }

            since = op == "gt" ? from.AddTicks(1) : from;
        }

        var (page, hasMore) = Cursor.Take(world.Records(SourceNames.BusinessCentral, entitySet, since, afterId), top);
        var expand = request.Query["$expand"].ToString().Contains("salesInvoiceLines", StringComparison.Ordinal);
        var value = new JsonArray();
        foreach (var record in page)
        {
            value.Add(renderer.BusinessCentral(record, expand));
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.Scheme}://{request.Host}/api/v2.0/$metadata#companies({companyId})/{entitySet}",
            ["value"] = value,
        };
        if (hasMore)
        {
            var query = request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}");
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.Path}?{string.Join('&', query)}&$skiptoken={Cursor.Encode(page[^1])}";
        }

        return Results.Text(body.ToJsonString(), "application/json; odata.metadata=minimal");
    }

    private static bool TryParseFilter(string filter, out string op, out DateTimeOffset since)
    {
        var parts = filter.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        op = parts.Length == 3 ? parts[1] : string.Empty;
        since = default;
        return parts.Length == 3
            && parts[0] == "lastModifiedDateTime"
            && op is "gt" or "ge"
            && DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}
