using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Zendesk Support: cursor-based incremental exports of users and tickets
/// (<c>/api/v2/incremental/{users|tickets}/cursor.json</c> with <c>start_time</c> or <c>cursor</c>,
/// answering <c>after_cursor</c>, <c>after_url</c>, <c>end_of_stream</c>), the time-based export of
/// organizations (<c>/api/v2/incremental/organizations.json</c> with <c>next_page</c>, <c>end_time</c>)
/// and satisfaction ratings (<c>/api/v2/satisfaction_ratings.json</c>, cursor pagination with
/// <c>page[size]</c>, <c>page[after]</c>, <c>meta.has_more</c>, <c>links.next</c>).
/// </summary>
internal static class ZendeskApi
{
    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        routes.MapGet("/api/v2/incremental/users/cursor.json", (HttpRequest request) => CursorExport(request, world, renderer, "users"));
        routes.MapGet("/api/v2/incremental/tickets/cursor.json", (HttpRequest request) => CursorExport(request, world, renderer, "tickets"));
        routes.MapGet("/api/v2/incremental/organizations.json", (HttpRequest request) => TimeExport(request, world, renderer));
        routes.MapGet("/api/v2/satisfaction_ratings.json", (HttpRequest request) => Ratings(request, world, renderer));
    }

    private static IResult CursorExport(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string name)
    {
        var perPage = PerPage(request.Query["per_page"]);
        DateTimeOffset since;
        string? afterId = null;
        if (request.Query["cursor"].ToString() is { Length: > 0 } cursor)
        {
            if (!Cursor.TryDecode(cursor, out since, out var id, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "InvalidCursor", "The cursor is not valid.");
            }

            afterId = id;
        }
        else if (long.TryParse(request.Query["start_time"], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime))
        {
            since = DateTimeOffset.FromUnixTimeSeconds(startTime);
        }
        else
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidPaginationParameter", "start_time or cursor is required.");
        }

        var (page, hasMore) = Cursor.Take(world.Records(SourceNames.Zendesk, name, since, afterId), perPage);
        var items = new JsonArray();
        foreach (var record in page)
        {
            items.Add(Render(renderer, record));
        }

        // At the end of the stream the cursor stays where it is, so the next export resumes there.
        var after = page.Count > 0 ? Cursor.Encode(page[^1]) : afterId is null ? Cursor.Encode(since.AddTicks(-1), string.Empty) : request.Query["cursor"].ToString();
        var body = new JsonObject
        {
            [name] = items,
            ["after_cursor"] = after,
            ["after_url"] = $"{request.Scheme}://{request.Host}{request.Path}?cursor={after}&per_page={perPage}",
            ["before_cursor"] = null,
            ["before_url"] = null,
            ["end_of_stream"] = !hasMore,
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult TimeExport(HttpRequest request, SyntheticWorld world, VendorRenderer renderer)
    {
        if (!long.TryParse(request.Query["start_time"], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime))
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidPaginationParameter", "start_time is required.");
        }

        var perPage = PerPage(request.Query["per_page"]);
        var since = DateTimeOffset.FromUnixTimeSeconds(startTime);
        var page = new List<WorldRecord>();
        var hasMore = false;
        foreach (var record in world.Records(SourceNames.Zendesk, "organizations", since))
        {
            // A page never ends inside one second: end_time has second precision.
            if (page.Count >= perPage && record.ModifiedAt.ToUnixTimeSeconds() != page[^1].ModifiedAt.ToUnixTimeSeconds())
            {
                hasMore = true;
                break;
            }

            page.Add(record);
        }

        var items = new JsonArray();
        foreach (var record in page)
        {
            items.Add(Render(renderer, record));
        }

        var endTime = page.Count == 0 ? startTime : page[^1].ModifiedAt.ToUnixTimeSeconds() + (hasMore ? 0 : 1);
        var body = new JsonObject
        {
            ["organizations"] = items,
            ["count"] = page.Count,
            ["end_time"] = endTime,
            ["next_page"] = $"{request.Scheme}://{request.Host}{request.Path}?start_time={endTime}&per_page={perPage}",
            ["end_of_stream"] = !hasMore,
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult Ratings(HttpRequest request, SyntheticWorld world, VendorRenderer renderer)
    {
        var size = PerPage(request.Query["page[size]"]);
        DateTimeOffset? since = null;
        string? afterId = null;
        if (request.Query["page[after]"].ToString() is { Length: > 0 } cursor)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var id, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "InvalidPaginationParameter", "page[after] is not valid.");
            }

            (since, afterId) = (at, id);
        }
        else if (long.TryParse(request.Query["start_time"], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime))
        {
            since = DateTimeOffset.FromUnixTimeSeconds(startTime);
        }

        var (page, hasMore) = Cursor.Take(world.Records(SourceNames.Zendesk, "satisfaction_ratings", since, afterId), size);
        var items = new JsonArray();
        foreach (var record in page)
        {
            items.Add(Render(renderer, record));
        }

        var after = page.Count > 0 ? Cursor.Encode(page[^1]) : null;
        var body = new JsonObject
        {
            ["satisfaction_ratings"] = items,
            ["meta"] = new JsonObject { ["has_more"] = hasMore, ["after_cursor"] = after, ["before_cursor"] = null },
            ["links"] = new JsonObject
            {
                ["next"] = hasMore ? $"{request.Scheme}://{request.Host}{request.Path}?page[size]={size}&page[after]={after}" : null,
                ["prev"] = null,
            },
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static JsonObject Render(VendorRenderer renderer, WorldRecord record)
    {
        var broken = renderer.IsMalformed(record);
        var item = new JsonObject
        {
            ["id"] = long.Parse(record.RecordId, CultureInfo.InvariantCulture),
            ["url"] = $"https://example.zendesk.com/api/v2/{record.EntityType}/{record.RecordId}.json",
            ["created_at"] = Cursor.IsoSeconds(record.CreatedAt),
        };
        if (record.Party is { } party)
        {
            if (party.PartyType == CustomerType.Organization)
            {
                item["name"] = party.CompanyName;
                item["domain_names"] = party.Domain is null ? new JsonArray() : new JsonArray(party.Domain);
                item["deleted_at"] = record.Deleted ? Cursor.IsoSeconds(record.ModifiedAt) : null;
            }
            else
            {
                item["name"] = record.Deleted ? "Permanently deleted user" : party.FullName;
                item["email"] = record.Deleted ? null : party.Email;
                item["phone"] = record.Deleted ? null : party.Phone;
                item["role"] = "end-user";
                item["organization_id"] = party.AccountRecordId is null ? null : long.Parse(party.AccountRecordId, CultureInfo.InvariantCulture);
                item["active"] = !record.Deleted;
            }

            item["updated_at"] = broken ? "yesterday" : Cursor.IsoSeconds(record.ModifiedAt);
            return item;
        }

        var a = record.Activity!;
        var requester = broken ? null : JsonValue.Create(long.Parse(a.PartyRecordId!, CultureInfo.InvariantCulture));
        if (a.EntityType == "tickets")
        {
            item["subject"] = a.Title;
            item["description"] = a.Title + ": please help.";
            item["status"] = record.Deleted ? "deleted" : a.Status;
            item["priority"] = a.Product;
            item["requester_id"] = requester;
            item["submitter_id"] = requester?.DeepClone();
            item["via"] = new JsonObject { ["channel"] = "email" };
        }
        else
        {
            item["ticket_id"] = a.RelatedRecordId is null ? null : long.Parse(a.RelatedRecordId, CultureInfo.InvariantCulture);
            item["requester_id"] = requester;
            item["score"] = a.Status;
            item["comment"] = a.Title;
        }

        item["updated_at"] = Cursor.IsoSeconds(record.ModifiedAt);
        return item;
    }

    private static int PerPage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 1000) : 1000;

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["description"] = description }, statusCode: status);
}
