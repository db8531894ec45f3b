using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Zendesk incremental cursor exports: <c>/api/v2/incremental/{users|tickets}/cursor.json</c>
/// with <c>start_time</c> or <c>cursor</c>, answering <c>after_cursor</c>, <c>after_url</c> and <c>end_of_stream</c>.
/// </summary>
internal static class ZendeskApi
{
    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world)
    {
        routes.MapGet("/api/v2/incremental/users/cursor.json", (HttpRequest request) => Page(request, world, "users"));
    }

    private static IResult Page(HttpRequest request, SyntheticWorld world, string name)
    {
        var perPage = int.TryParse(request.Query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 1000) : 1000;
        var ordered = world.Parties(SourceNames.Zendesk).Where(v => v.EntityType == name).ToList();
        int start;
        if (request.Query["cursor"].ToString() is { Length: > 0 } cursor)
        {
            if (!TryDecode(cursor, out start))
            {
                return Results.Json(new JsonObject { ["error"] = "InvalidCursor", ["description"] = "The cursor is not valid." }, statusCode: StatusCodes.Status400BadRequest);
            }
        }
        else if (long.TryParse(request.Query["start_time"], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime))
        {
            var since = DateTimeOffset.FromUnixTimeSeconds(startTime);
            start = ordered.FindIndex(r => world.ModifiedAt(r) >= since);
            start = start < 0 ? ordered.Count : start;
        }
        else
        {
            return Results.Json(new JsonObject { ["error"] = "InvalidPaginationParameter", ["description"] = "start_time or cursor is required." }, statusCode: StatusCodes.Status400BadRequest);
        }

        var items = new JsonArray();
        foreach (var row in ordered.Skip(start).Take(perPage))
        {
            items.Add(new JsonObject
            {
                ["id"] = long.Parse(row.RecordId, CultureInfo.InvariantCulture),
                ["name"] = row.FullName,
                ["email"] = row.Email,
                ["phone"] = row.Phone,
                ["role"] = "end-user",
                ["active"] = true,
                ["updated_at"] = world.ModifiedAt(row).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            });
        }

        var end = Math.Min(start + perPage, ordered.Count);
        var after = Encode(end);
        var body = new JsonObject
        {
            [name] = items,
            ["after_cursor"] = after,
            ["after_url"] = $"{request.Scheme}://{request.Host}{request.Path}?cursor={after}&per_page={perPage}",
            ["before_cursor"] = Encode(start),
            ["end_of_stream"] = end >= ordered.Count,
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes("pos:" + position.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int position)
    {
        position = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("pos:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
