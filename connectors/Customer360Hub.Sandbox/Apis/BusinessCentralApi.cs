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
            value.Add(Render(renderer, record, expand));
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

    private static JsonObject Render(VendorRenderer renderer, WorldRecord record, bool expandLines)
    {
        var broken = renderer.IsMalformed(record);
        var modified = broken && record.Party is not null ? "0000-00-00T25:61:00Z" : Cursor.Iso(record.ModifiedAt);
        var item = new JsonObject
        {
            ["@odata.etag"] = $"W/\"JzE5OzEyMzQ1Njc4OTs{record.Version}{record.ModifiedAt.UtcTicks % 100000}Jzs=\"",
            ["id"] = record.Party is { } p ? RecordIds.Guid(renderer.World.Seed, p.EntityType, p.Unit, p.Slot) : record.RecordId,
        };
        if (record.Party is { } party)
        {
            item["number"] = party.RecordId;
            item["displayName"] = party.PartyType == CustomerType.Organization ? party.CompanyName : party.FullName;
            item["type"] = party.PartyType == CustomerType.Organization ? "Company" : "Person";
            if (party.EntityType == "contacts")
            {
                item["companyNumber"] = party.AccountRecordId ?? string.Empty;
                item["companyName"] = party.CompanyName ?? string.Empty;
                item["businessRelation"] = party.AccountRecordId is null ? "None" : "Customer";
                item["jobTitle"] = party.JobTitle ?? string.Empty;
            }

            item["addressLine1"] = party.AddressLine1 ?? string.Empty;
            item["addressLine2"] = party.AddressLine2 ?? string.Empty;
            item["city"] = party.City ?? string.Empty;
            item["state"] = party.Region ?? string.Empty;
            item["country"] = party.Country ?? string.Empty;
            item["postalCode"] = party.Postcode ?? string.Empty;
            item[party.PhoneIsMobile && party.EntityType == "contacts" ? "mobilePhoneNumber" : "phoneNumber"] = party.Phone ?? string.Empty;
            item["email"] = party.Email ?? string.Empty;
            item["website"] = party.Domain ?? string.Empty;
        }
        else if (record.Activity is { } a)
        {
            var customerNumber = broken ? string.Empty : a.PartyRecordId;
            var customerId = broken ? "00000000-0000-0000-0000-000000000000" : RecordIds.Guid(renderer.World.Seed, "customers", a.Unit, PartySlot(a));
            var date = a.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (a.EntityType)
            {
                case "salesOrders":
                    item["number"] = "S-ORD" + (RecordIds.Sequence(a.Unit, a.Slot) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                    item["orderDate"] = date;
                    break;
                case "salesInvoices":
                    item["number"] = "S-INV" + (RecordIds.Sequence(a.Unit, a.Slot) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                    item["invoiceDate"] = date;
                    item["postingDate"] = date;
                    item["dueDate"] = a.OccurredAt.AddDays(30).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    item["orderId"] = a.RelatedRecordId;
                    break;
                default:
                    item["journalDisplayName"] = "CASH RECEIPTS";
                    item["lineNumber"] = 10000 + (a.Slot % 1000 * 10);
                    item["postingDate"] = date;
                    item["documentNumber"] = "PAY" + (a.Slot % 100000).ToString("D5", CultureInfo.InvariantCulture);
                    item["amount"] = -a.Amount;
                    item["appliesToInvoiceId"] = a.RelatedRecordId;
                    item["description"] = "Payment";
                    break;
            }

            item["customerId"] = customerId;
            item["customerNumber"] = customerNumber;
            if (a.EntityType != "customerPayments")
            {
                item["currencyCode"] = a.Currency;
                item["status"] = a.Status;
                item["totalAmountExcludingTax"] = a.Amount;
                item["totalAmountIncludingTax"] = a.Amount;
            }

            if (expandLines && a.EntityType == "salesInvoices")
            {
                var lines = new JsonArray();
                var sequence = 10000;
                foreach (var (product, quantity, price) in a.Lines)
                {
                    lines.Add(new JsonObject
                    {
                        ["id"] = RecordIds.Guid(renderer.World.Seed, "lines", a.Unit, (a.Slot * 16) + (sequence / 10000)),
                        ["documentId"] = a.RecordId,
                        ["sequence"] = sequence,
                        ["lineType"] = "Item",
                        ["description"] = product,
                        ["quantity"] = quantity,
                        ["unitPrice"] = price,
                        ["amountExcludingTax"] = quantity * price,
                    });
                    sequence += 10000;
                }

                item["salesInvoiceLines"] = lines;
            }
        }

        item["lastModifiedDateTime"] = modified;
        return item;
    }

    /// <summary>The slot of the party a transaction hangs on (decoded from the party's record id).</summary>
    private static int PartySlot(ActivityView activity)
    {
        var number = activity.PartyRecordId!.TrimStart('C', 'T');
        return (int)(long.Parse(number, CultureInfo.InvariantCulture) % RecordIds.SlotsPerUnit);
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
