using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Microsoft Graph v1.0 delta queries for one mailbox: <c>/v1.0/users/{id}/mailFolders/{inbox|sentitems}/messages/delta</c>
/// and <c>/v1.0/users/{id}/calendarView/delta</c>, paged by <c>@odata.nextLink</c> (<c>$skiptoken</c>) and
/// resumed by <c>@odata.deltaLink</c> (<c>$deltatoken</c>); page size from <c>Prefer: odata.maxpagesize</c>;
/// deletions as <c>@removed</c> entries.
/// </summary>
internal static class GraphApi
{
    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        // Graph answers both 'delta' and the 'delta()' function form the SDK sends.
        foreach (var delta in new[] { "delta", "delta()" })
        {
            routes.MapGet($"/v1.0/users/{{user}}/mailFolders/{{folder}}/messages/{delta}", (HttpRequest request, string user, string folder) =>
                folder is "inbox" or "sentitems"
                    ? Delta(request, world, renderer, user, "messages", folder == "inbox" ? "received" : "sent")
                    : Error(StatusCodes.Status404NotFound, "ErrorInvalidIdMalformed", "The mail folder was not found."));
            routes.MapGet($"/v1.0/users/{{user}}/calendarView/{delta}", (HttpRequest request, string user) => Delta(request, world, renderer, user, "events", null));
        }
    }

    private static IResult Delta(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string user, string entity, string? direction)
    {
        if (!string.Equals(Uri.UnescapeDataString(user), SandboxServer.GraphMailbox, StringComparison.OrdinalIgnoreCase))
        {
            return Error(StatusCodes.Status404NotFound, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");
        }

        var size = 50;
        var prefer = request.Headers["Prefer"].ToString();
        var at = prefer.IndexOf("odata.maxpagesize=", StringComparison.Ordinal);
        if (at >= 0 && int.TryParse(prefer.AsSpan(at + 18).TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var preferred))
        {
            size = Math.Clamp(preferred, 1, 1000);
        }

        DateTimeOffset? since = null;
        string? afterId = null;
        var token = request.Query["$skiptoken"].ToString() is { Length: > 0 } skip ? skip : request.Query["$deltatoken"].ToString();
        if (token.Length > 0)
        {
            if (!Cursor.TryDecode(token, out var position, out var id, out _))
            {
                return Error(StatusCodes.Status410Gone, "SyncStateNotFound", "The sync state generation is not found; restart the delta query.");
            }

            (since, afterId) = (position, id.Length == 0 ? null : id);
        }

        var records = world.Records(SourceNames.Graph, entity, since, afterId).Where(r => direction is null || r.Activity!.Status == direction);
        var (page, hasMore) = Cursor.Take(records, size);
        var value = new JsonArray();
        foreach (var record in page)
        {
            value.Add(record.Deleted
                ? new JsonObject { ["@odata.type"] = entity == "events" ? "#microsoft.graph.event" : "#microsoft.graph.message", ["id"] = record.RecordId, ["@removed"] = new JsonObject { ["reason"] = "deleted" } }
                : Render(renderer, record, entity));
        }

        var root = $"{request.Scheme}://{request.Host}{request.Path}";
        var body = new JsonObject { ["@odata.context"] = $"{request.Scheme}://{request.Host}/v1.0/$metadata#Collection({(entity == "events" ? "event" : "message")})", ["value"] = value };
        if (hasMore)
        {
            body["@odata.nextLink"] = $"{root}?$skiptoken={Cursor.Encode(page[^1])}";
        }
        else
        {
            var last = page.Count > 0 ? Cursor.Encode(page[^1]) : token.Length > 0 ? token : Cursor.Encode(world.HistoryStart, string.Empty);
            body["@odata.deltaLink"] = $"{root}?$deltatoken={last}";
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static JsonObject Render(VendorRenderer renderer, WorldRecord record, string entity)
    {
        var a = record.Activity!;
        var external = renderer.IsMalformed(record) ? null : Address(a.Email!);
        var us = Address(SandboxServer.GraphMailbox);
        var item = new JsonObject
        {
            ["@odata.etag"] = $"W/\"CQAAABYAAAC{record.Version}\"",
            ["id"] = record.RecordId,
            ["createdDateTime"] = Cursor.IsoSeconds(a.OccurredAt),
            ["lastModifiedDateTime"] = Cursor.IsoSeconds(record.ModifiedAt),
            ["subject"] = a.Title,
        };
        if (entity == "events")
        {
            item["start"] = new JsonObject { ["dateTime"] = a.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" };
            item["end"] = new JsonObject { ["dateTime"] = a.OccurredAt.AddHours(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" };
            item["organizer"] = new JsonObject { ["emailAddress"] = us };
            item["attendees"] = external is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "required", ["status"] = new JsonObject { ["response"] = a.Status }, ["emailAddress"] = external });
            return item;
        }

        var received = a.Status == "received";
        item["receivedDateTime"] = Cursor.IsoSeconds(a.OccurredAt);
        item["sentDateTime"] = Cursor.IsoSeconds(a.OccurredAt);
        item["bodyPreview"] = a.Title + "...";
        item["from"] = received ? (external is null ? null : new JsonObject { ["emailAddress"] = external }) : new JsonObject { ["emailAddress"] = us };
        item["toRecipients"] = received ? new JsonArray(new JsonObject { ["emailAddress"] = us.DeepClone() }) : external is null ? new JsonArray() : new JsonArray(new JsonObject { ["emailAddress"] = external });
        return item;
    }

    private static JsonObject Address(string address) => new() { ["name"] = address, ["address"] = address };

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}
