using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Business Central API v2.0 shapes: <c>/api/v2.0/companies({id})/customers</c> with
/// <c>$filter=lastModifiedDateTime ge|gt ...</c>, <c>$orderby</c>, <c>$top</c> and
/// <c>@odata.nextLink</c> paging through <c>$skiptoken</c>.
/// </summary>
internal static class BusinessCentralApi
{
    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world)
    {
        routes.MapGet("/api/v2.0/companies({companyId})/customers", (HttpRequest request, string companyId) =>
            Page(request, world, companyId, "customers"));
    }

    private static IResult Page(HttpRequest request, SyntheticWorld world, string companyId, string entitySet)
    {
        var top = int.TryParse(request.Query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 1, 20000) : 20000;
        var skip = int.TryParse(request.Query["$skiptoken"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        IEnumerable<PartyView> selected = world.Parties(SourceNames.BusinessCentral).Where(p => p.EntityType == entitySet);
        if (request.Query["$filter"].ToString() is { Length: > 0 } filter)
        {
            if (!TryParseFilter(filter, out var op, out var since))
            {
                return Results.Json(ODataError("BadRequest", $"The filter '{filter}' is not supported."), statusCode: StatusCodes.Status400BadRequest);
            }

            selected = selected.Where(r => op == "gt" ? world.ModifiedAt(r) > since : world.ModifiedAt(r) >= since);
        }

        var window = selected.Skip(skip).Take(top + 1).ToList();
        var value = new JsonArray();
        foreach (var row in window.Take(top))
        {
            var modified = world.ModifiedAt(row);
            value.Add(new JsonObject
            {
                ["@odata.etag"] = $"W/\"JzE5OzEyMzQ1NjY3ODk7{modified.UtcTicks}Jzs=\"",
                ["id"] = RecordIds.Guid(world.Seed, entitySet, row.Unit, row.Slot),
                ["number"] = row.RecordId,
                ["displayName"] = row.PartyType == CustomerType.Organization ? row.CompanyName : row.FullName,
                ["type"] = row.PartyType == CustomerType.Organization ? "Company" : "Person",
                ["addressLine1"] = row.AddressLine1 ?? string.Empty,
                ["addressLine2"] = row.AddressLine2 ?? string.Empty,
                ["city"] = row.City ?? string.Empty,
                ["state"] = row.Region ?? string.Empty,
                ["country"] = row.Country ?? string.Empty,
                ["postalCode"] = row.Postcode ?? string.Empty,
                ["phoneNumber"] = row.Phone ?? string.Empty,
                ["email"] = row.Email ?? string.Empty,
                ["lastModifiedDateTime"] = modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            });
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.Scheme}://{request.Host}/api/v2.0/$metadata#companies({companyId})/{entitySet}",
            ["value"] = value,
        };
        if (window.Count > top)
        {
            var query = request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}");
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.Path}?{string.Join('&', query)}&$skiptoken={skip + top}";
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

    private static JsonObject ODataError(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
