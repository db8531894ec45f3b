using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// HubSpot: CRM v3 search of contacts and companies (<c>POST /crm/v3/objects/{contacts|companies}/search</c>,
/// a GTE filter on <c>lastmodifieddate</c>/<c>hs_lastmodifieddate</c>, ascending sort, <c>after</c> offsets up to
/// the 10,000-result limit) with the <c>hs_email_optout</c> subscription status on contacts, and the
/// email events API (<c>GET /email/public/v1/events</c> with <c>startTimestamp</c>, <c>offset</c>, <c>hasMore</c>).
/// </summary>
internal static class HubSpotApi
{
    private const int SearchLimit = 10_000;

    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        routes.MapPost("/crm/v3/objects/{objectType}/search", async (HttpRequest request, string objectType) =>
        {
            if (objectType is not ("contacts" or "companies"))
            {
                return Error(StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND", $"Unknown object type {objectType}.");
            }

            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return Error(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Invalid input JSON.");
            }

            return Search(request, world, renderer, objectType, body);
        });
        routes.MapGet("/email/public/v1/events", (HttpRequest request) => EmailEvents(request, world, renderer));
    }

    private static IResult Search(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string objectType, JsonNode? body)
    {
        var limit = Math.Clamp(body?["limit"]?.GetValue<int>() ?? 10, 1, 200);
        var offset = int.TryParse(body?["after"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        if (offset + limit > SearchLimit)
        {
            return Error(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Search results are limited to 10,000; narrow the filter instead of paging further.");
        }

        DateTimeOffset? since = null;
        foreach (var filter in body?["filterGroups"]?[0]?["filters"]?.AsArray() ?? [])
        {
            var property = filter?["propertyName"]?.GetValue<string>();
            if (property is "lastmodifieddate" or "hs_lastmodifieddate" && long.TryParse(filter?["value"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                since = DateTimeOffset.FromUnixTimeMilliseconds(ms).AddTicks(filter?["operator"]?.GetValue<string>() == "GT" ? TimeSpan.TicksPerMillisecond : 0);
            }
        }

        var records = world.Records(SourceNames.HubSpot, objectType, since).Where(r => !r.Deleted);
        var matching = records.Skip(offset).Take(limit + 1).ToList();
        var results = new JsonArray();
        foreach (var record in matching.Take(limit))
        {
            results.Add(Render(renderer, record));
        }

        var page = new JsonObject { ["total"] = offset + matching.Count, ["results"] = results };
        if (matching.Count > limit)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (offset + limit).ToString(CultureInfo.InvariantCulture) } };
        }

        return Results.Text(page.ToJsonString(), "application/json");
    }

    private static JsonObject Render(VendorRenderer renderer, WorldRecord record)
    {
        var party = record.Party!;
        var broken = renderer.IsMalformed(record);
        var modified = broken ? "not a date" : Cursor.Iso(record.ModifiedAt);
        JsonObject properties;
        if (party.PartyType == CustomerType.Organization)
        {
            properties = new JsonObject
            {
                ["name"] = party.CompanyName, ["domain"] = party.Domain, ["phone"] = party.Phone,
                ["address"] = party.AddressLine1, ["address2"] = party.AddressLine2, ["city"] = party.City, ["state"] = party.Region,
                ["zip"] = party.Postcode, ["country"] = party.Country, ["hs_lastmodifieddate"] = modified,
            };
        }
        else
        {
            var optedOut = WorldRandom.StableHash(record.RecordId + record.Version) % 10 < 2;
            properties = new JsonObject
            {
                ["firstname"] = party.GivenName, ["lastname"] = party.FamilyName, ["email"] = party.Email,
                [party.PhoneIsMobile ? "mobilephone" : "phone"] = party.Phone, ["company"] = party.CompanyName, ["jobtitle"] = party.JobTitle,
                ["address"] = party.AddressLine1, ["city"] = party.City, ["state"] = party.Region, ["zip"] = party.Postcode,
                ["country"] = party.Country, ["date_of_birth"] = party.DateOfBirth,
                ["associatedcompanyid"] = party.AccountRecordId,
                ["hs_email_optout"] = party.Email is null ? null : optedOut ? "true" : "false",
                ["lastmodifieddate"] = modified,
            };
        }

        properties["createdate"] = Cursor.Iso(record.CreatedAt);
        properties["hs_object_id"] = record.RecordId;
        return new JsonObject
        {
            ["id"] = record.RecordId,
            ["properties"] = properties,
            ["createdAt"] = Cursor.Iso(record.CreatedAt),
            ["updatedAt"] = modified,
            ["archived"] = false,
        };
    }

    private static IResult EmailEvents(HttpRequest request, SyntheticWorld world, VendorRenderer renderer)
    {
        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 1000) : 100;
        DateTimeOffset? since = long.TryParse(request.Query["startTimestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? DateTimeOffset.FromUnixTimeMilliseconds(start) : null;
        string? afterId = null;
        if (request.Query["offset"].ToString() is { Length: > 0 } offset)
        {
            if (!Cursor.TryDecode(offset, out var at, out var id, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "The offset is not valid.");
            }

            (since, afterId) = (at, id);
        }

        var (page, hasMore) = Cursor.Take(world.Records(SourceNames.HubSpot, "email-events", since, afterId), limit);
        var events = new JsonArray();
        foreach (var record in page)
        {
            var a = record.Activity!;
            var broken = renderer.IsMalformed(record);
            events.Add(new JsonObject
            {
                ["id"] = record.RecordId,
                ["created"] = a.OccurredAt.ToUnixTimeMilliseconds(),
                ["type"] = a.Status,
                ["recipient"] = broken ? null : a.Email,
                ["emailCampaignId"] = 10_000 + (a.OccurredAt.Year * 12) + a.OccurredAt.Month,
                ["portalId"] = 62515,
                ["appId"] = 113,
                ["appName"] = "BatchTest",
                ["subject"] = a.Title,
                ["sentBy"] = new JsonObject { ["id"] = record.RecordId + "-sent", ["created"] = a.OccurredAt.ToUnixTimeMilliseconds() },
            });
        }

        var body = new JsonObject
        {
            ["events"] = events,
            ["hasMore"] = hasMore,
            ["offset"] = page.Count > 0 ? Cursor.Encode(page[^1]) : request.Query["offset"].ToString(),
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult Error(int status, string category, string message) =>
        Results.Json(new JsonObject { ["status"] = "error", ["message"] = message, ["category"] = category, ["correlationId"] = Guid.NewGuid().ToString() }, statusCode: status);
}
