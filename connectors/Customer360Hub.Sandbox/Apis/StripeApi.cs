using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Stripe: list endpoints (<c>/v1/customers</c>, <c>subscriptions</c>, <c>invoices</c>, <c>payment_intents</c>,
/// <c>charges</c>, <c>refunds</c>), newest first with <c>limit</c>, <c>starting_after</c>, <c>ending_before</c>,
/// <c>created[gte]</c>, <c>expand[]</c>; and the Events API (<c>/v1/events</c> with <c>types[]</c>), whose
/// ids encode their position so <c>ending_before</c> walks forward in time. Lists are sorted in memory
/// (fine for sandbox worlds; the history of the other vendors streams).
/// </summary>
internal static class StripeApi
{
    private static readonly Dictionary<string, string> ObjectNames = new(StringComparer.Ordinal)
    {
        ["customers"] = "customer", ["subscriptions"] = "subscription", ["invoices"] = "invoice",
        ["payment_intents"] = "payment_intent", ["charges"] = "charge", ["refunds"] = "refund",
    };

    private static readonly Dictionary<string, string> EventPrefixes = new(StringComparer.Ordinal)
    {
        ["customers"] = "customer", ["subscriptions"] = "customer.subscription", ["invoices"] = "invoice",
        ["payment_intents"] = "payment_intent", ["charges"] = "charge", ["refunds"] = "refund",
    };

    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        routes.MapGet("/v1/events", (HttpRequest request) => Authorized(request) ?? Events(request, world, renderer));
        routes.MapGet("/v1/{resource}", (HttpRequest request, string resource) =>
            Authorized(request) ?? (ObjectNames.ContainsKey(resource) ? List(request, world, renderer, resource) : Error(StatusCodes.Status404NotFound, "invalid_request_error", $"Unrecognized request URL (GET: /v1/{resource}).")));
    }

    private static IResult? Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal)
            ? null
            : Error(StatusCodes.Status401Unauthorized, "invalid_request_error", "You did not provide an API key.");

    private static IResult List(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string resource)
    {
        var limit = Limit(request);
        var all = world.Records(SourceNames.Stripe, resource).Where(r => !r.Deleted);
        if (resource == "subscriptions" && request.Query["status"] != "all")
        {
            all = all.Where(r => r.Activity?.Status != "canceled");
        }

        if (long.TryParse(request.Query["created[gte]"], NumberStyles.None, CultureInfo.InvariantCulture, out var gte))
        {
            all = all.Where(r => r.CreatedAt.ToUnixTimeSeconds() >= gte);
        }

        var ordered = all.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.RecordId, StringComparer.Ordinal).ToList();
        var start = 0;
        if (request.Query["starting_after"].ToString() is { Length: > 0 } after)
        {
            start = ordered.FindIndex(r => r.RecordId == after) + 1;
            if (start == 0)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error", $"No such {ObjectNames[resource]}: '{after}'", "resource_missing");
            }
        }

        var page = ordered.Skip(start).Take(limit).ToList();
        var data = new JsonArray();
        var expand = request.Query["expand[]"].ToArray();
        foreach (var record in page)
        {
            data.Add(Render(world, renderer, record, expand.Contains("data.charge")));
        }

        return Results.Text(new JsonObject
        {
            ["object"] = "list", ["url"] = "/v1/" + resource, ["has_more"] = start + page.Count < ordered.Count, ["data"] = data,
        }.ToJsonString(), "application/json");
    }

    private static IResult Events(HttpRequest request, SyntheticWorld world, VendorRenderer renderer)
    {
        var limit = Limit(request);
        var types = request.Query["types[]"].Select(t => t!).ToHashSet(StringComparer.Ordinal);
        var resources = ObjectNames.Keys.Where(r => types.Count == 0 || types.Any(t => t.StartsWith(EventPrefixes[r] + ".", StringComparison.Ordinal) && t.Count(c => c == '.') == EventPrefixes[r].Count(c => c == '.') + 1)).ToList();
        DateTimeOffset? since = long.TryParse(request.Query["created[gte]"], NumberStyles.None, CultureInfo.InvariantCulture, out var gte) ? DateTimeOffset.FromUnixTimeSeconds(gte) : null;
        if (request.Query["ending_before"].ToString() is { Length: > 0 } before)
        {
            if (!TryEventTime(before, out var at))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error", $"No such event: '{before}'", "resource_missing");
            }

            since = at.AddTicks(1);
        }

        // With ending_before: the events just newer than the cursor; without: the newest. Either way
        // the page is presented newest first.
        var newest = !request.Query.ContainsKey("ending_before");
        var merged = resources.SelectMany(r => newest ? world.Records(SourceNames.Stripe, r, since).TakeLast(limit + 1) : world.Records(SourceNames.Stripe, r, since).Take(limit + 1))
            .OrderBy(r => r.ModifiedAt).ToList();
        var page = newest ? merged.TakeLast(limit).ToList() : merged.Take(limit).ToList();
        var data = new JsonArray();
        foreach (var record in Enumerable.Reverse(page))
        {
            var type = EventPrefixes[record.EntityType] + "." + (record.Deleted ? "deleted" : record.Version == 1 ? "created" : "updated");
            data.Add(new JsonObject
            {
                ["id"] = EventId(record.ModifiedAt),
                ["object"] = "event",
                ["api_version"] = "2025-01-27.acacia",
                ["created"] = record.ModifiedAt.ToUnixTimeSeconds(),
                ["type"] = type,
                ["livemode"] = false,
                ["pending_webhooks"] = 0,
                ["data"] = new JsonObject { ["object"] = Render(world, renderer, record, expandCharge: true) },
            });
        }

        return Results.Text(new JsonObject
        {
            ["object"] = "list", ["url"] = "/v1/events", ["has_more"] = merged.Count > page.Count, ["data"] = data,
        }.ToJsonString(), "application/json");
    }

    private static JsonObject Render(SyntheticWorld world, VendorRenderer renderer, WorldRecord record, bool expandCharge)
    {
        var broken = renderer.IsMalformed(record);
        var item = new JsonObject
        {
            ["id"] = record.RecordId,
            ["object"] = ObjectNames[record.EntityType],
            ["created"] = broken && record.Party is not null ? JsonValue.Create("n/a") : JsonValue.Create(record.CreatedAt.ToUnixTimeSeconds()),
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
        };
        if (record.Party is { } p)
        {
            item["name"] = p.PartyType == CustomerType.Organization ? p.CompanyName : p.FullName;
            item["email"] = p.Email;
            item["phone"] = p.Phone;
            item["address"] = p.AddressLine1 is null ? null : new JsonObject
            {
                ["line1"] = p.AddressLine1, ["line2"] = p.AddressLine2, ["city"] = p.City, ["state"] = p.Region, ["postal_code"] = p.Postcode, ["country"] = p.Country,
            };
            item["description"] = p.PartyType == CustomerType.Organization ? "Business account" : null;
            if (record.Deleted)
            {
                item["deleted"] = true;
            }

            return item;
        }

        var a = record.Activity!;
        var cents = a.Amount is { } amount ? (long)(amount * 100) : 0;
        var customer = broken ? null : a.PartyRecordId;
        item["currency"] = a.Currency;
        item["status"] = a.Status;
        switch (record.EntityType)
        {
            case "subscriptions":
                item["customer"] = customer;
                // A live plan is in the monthly period that holds the world's epoch; an ended one stays in its first.
                var periods = a.Status is "canceled" ? 0 : Math.Max(0, (int)((renderer.World.Options.Epoch - a.OccurredAt).TotalDays / 30));
                item["current_period_start"] = a.OccurredAt.AddDays(30 * periods).ToUnixTimeSeconds();
                item["current_period_end"] = a.OccurredAt.AddDays(30 * (periods + 1)).ToUnixTimeSeconds();
                item["canceled_at"] = a.Status == "canceled" ? record.ModifiedAt.ToUnixTimeSeconds() : null;
                item["items"] = new JsonObject
                {
                    ["object"] = "list",
                    ["data"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "si_" + record.RecordId[4..],
                        ["quantity"] = a.Quantity,
                        ["price"] = new JsonObject { ["id"] = "price_" + a.Product!.Replace(' ', '_'), ["unit_amount"] = cents, ["currency"] = a.Currency, ["nickname"] = a.Product, ["recurring"] = new JsonObject { ["interval"] = "month" } },
                    }),
                };
                break;
            case "invoices":
                item["customer"] = customer;
                item["subscription"] = a.RelatedRecordId;
                item["amount_due"] = cents;
                item["amount_paid"] = a.Status == "paid" ? cents : 0;
                item["period_start"] = a.OccurredAt.AddDays(-30).ToUnixTimeSeconds();
                item["period_end"] = a.OccurredAt.ToUnixTimeSeconds();
                // Charged automatically, as subscription invoices are: Stripe gives no due date, payment is due when the invoice is finalized.
                item["collection_method"] = "charge_automatically";
                item["due_date"] = null;
                item["status_transitions"] = new JsonObject { ["finalized_at"] = a.OccurredAt.ToUnixTimeSeconds(), ["paid_at"] = a.Status == "paid" ? record.ModifiedAt.ToUnixTimeSeconds() : null };
                item["lines"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(new JsonObject { ["description"] = a.Product, ["amount"] = cents, ["quantity"] = 1 }) };
                break;
            case "payment_intents":
                item["customer"] = customer;
                item["amount"] = cents;
                item["invoice"] = a.RelatedRecordId;
                break;
            case "charges":
                item["customer"] = customer;
                item["amount"] = cents;
                item["paid"] = a.Status == "succeeded";
                item["payment_intent"] = a.RelatedRecordId;
                item["amount_refunded"] = 0;
                break;
            default:
                item["amount"] = cents;
                item["charge"] = expandCharge && a.RelatedRecordId is not null
                    ? new JsonObject { ["id"] = a.RelatedRecordId, ["object"] = "charge", ["customer"] = customer, ["amount"] = cents, ["currency"] = a.Currency }
                    : a.RelatedRecordId;
                break;
        }

        return item;
    }

    /// <summary>Event ids carry their time, so a cursor can be resumed without a lookup.</summary>
    private static string EventId(DateTimeOffset at) =>
        "evt_1" + at.ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture) + "Sbx";

    private static bool TryEventTime(string id, out DateTimeOffset at)
    {
        at = default;
        if (id.Length != 23 || !id.StartsWith("evt_1", StringComparison.Ordinal) || !long.TryParse(id.AsSpan(5, 15), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    private static int Limit(HttpRequest request) =>
        int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 10;

    private static IResult Error(int status, string type, string message, string? code = null) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } }, statusCode: status);
}
