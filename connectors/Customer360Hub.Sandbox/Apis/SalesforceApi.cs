using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Salesforce REST: OAuth 2.0 client credentials (<c>POST /services/oauth2/token</c>) and SOQL
/// (<c>/services/data/v60.0/query</c> and <c>queryAll</c>, which includes deleted records) of the form
/// <c>SELECT fields FROM Object [WHERE SystemModstamp &gt; t] ORDER BY SystemModstamp</c>, paged by
/// <c>nextRecordsUrl</c> with <c>Sforce-Query-Options: batchSize=n</c>.
/// </summary>
internal static partial class SalesforceApi
{
    private const string Version = "v60.0";

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["Account"] = ["Id", "Name", "Phone", "Website", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
        ["Contact"] = ["Id", "AccountId", "FirstName", "LastName", "Email", "Phone", "MobilePhone", "Title", "Birthdate", "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
        ["Lead"] = ["Id", "FirstName", "LastName", "Company", "Email", "Phone", "MobilePhone", "Title", "Street", "City", "State", "PostalCode", "Country", "Status", "IsConverted", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
        ["Opportunity"] = ["Id", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode", "CloseDate", "IsClosed", "IsWon", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
        ["Case"] = ["Id", "ContactId", "AccountId", "Subject", "Status", "Origin", "Priority", "IsClosed", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
    };

    public static void Map(IEndpointRouteBuilder routes, SyntheticWorld world, VendorRenderer renderer)
    {
        routes.MapPost("/services/oauth2/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "client credentials required" }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new JsonObject
            {
                ["access_token"] = "00Dsandbox!" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                ["instance_url"] = $"{request.Scheme}://{request.Host}",
                ["token_type"] = "Bearer",
                ["issued_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            });
        });
        routes.MapGet($"/services/data/{Version}/query", (HttpRequest request) => Query(request, world, renderer, all: false));
        routes.MapGet($"/services/data/{Version}/queryAll", (HttpRequest request) => Query(request, world, renderer, all: true));
        routes.MapGet($"/services/data/{Version}/query/{{locator}}", (HttpRequest request, string locator) => More(request, world, renderer, locator));
    }

    private static IResult Query(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, bool all)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid");
        }

        var soql = request.Query["q"].ToString();
        var match = SoqlPattern().Match(soql);
        if (!match.Success)
        {
            return Error(StatusCodes.Status400BadRequest, "MALFORMED_QUERY", "Only SELECT fields FROM Object [WHERE SystemModstamp > datetime] ORDER BY SystemModstamp is supported.");
        }

        var sobject = match.Groups["object"].Value;
        if (!Fields.TryGetValue(sobject, out var known))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_TYPE", $"sObject type '{sobject}' is not supported.");
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.FirstOrDefault(f => !known.Contains(f, StringComparer.Ordinal)) is { } unknown)
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_FIELD", $"No such column '{unknown}' on entity '{sobject}'.");
        }

        DateTimeOffset? since = null;
        if (match.Groups["since"].Success)
        {
            if (!DateTimeOffset.TryParse(match.Groups["since"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Error(StatusCodes.Status400BadRequest, "MALFORMED_QUERY", "The datetime literal is not valid.");
            }

            since = match.Groups["op"].Value == ">" ? at.AddTicks(1) : at;
        }

        return Respond(request, world, renderer, sobject, fields, all, since, null);
    }

    private static IResult More(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string locator)
    {
        if (!Cursor.TryDecode(locator, out var at, out var id, out var extra) || extra.Split(';') is not [var sobject, var all, var fieldList] || !Fields.ContainsKey(sobject))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }

        return Respond(request, world, renderer, sobject, fieldList.Split(','), all == "1", at, id);
    }

    private static IResult Respond(HttpRequest request, SyntheticWorld world, VendorRenderer renderer, string sobject, string[] fields, bool all, DateTimeOffset? since, string? afterId)
    {
        var batch = 2000;
        var options = request.Headers["Sforce-Query-Options"].ToString();
        if (options.StartsWith("batchSize=", StringComparison.Ordinal) && int.TryParse(options.AsSpan(10), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            batch = Math.Clamp(size, 200, 2000);
        }

        var records = world.Records(SourceNames.Salesforce, sobject, since, afterId).Where(r => all || !r.Deleted);
        var (page, hasMore) = Cursor.Take(records, batch);
        var items = new JsonArray();
        foreach (var record in page)
        {
            items.Add(Render(renderer, record, sobject, fields));
        }

        var body = new JsonObject { ["totalSize"] = page.Count, ["done"] = !hasMore, ["records"] = items };
        if (hasMore)
        {
            var last = page[^1];
            body["nextRecordsUrl"] = $"/services/data/{Version}/query/{Cursor.Encode(last.ModifiedAt, last.RecordId, $"{sobject};{(all ? 1 : 0)};{string.Join(',', fields)}")}";
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static JsonObject Render(VendorRenderer renderer, WorldRecord record, string sobject, string[] fields)
    {
        var broken = renderer.IsMalformed(record);
        var p = record.Party;
        var a = record.Activity;
        var stamp = record.ModifiedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", CultureInfo.InvariantCulture);
        var closed = a?.Status is "Closed Won" or "Closed Lost" or "Closed";
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["Id"] = record.RecordId,
            ["IsDeleted"] = record.Deleted,
            ["CreatedDate"] = record.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", CultureInfo.InvariantCulture),
            ["LastModifiedDate"] = stamp,
            ["SystemModstamp"] = broken && p is not null ? "2026-13-45T99:00:00.000+0000" : stamp,
            ["Name"] = p?.CompanyName ?? a?.Title,
            ["Phone"] = p is { PhoneIsMobile: false } ? p.Phone : null,
            ["MobilePhone"] = p is { PhoneIsMobile: true } ? p.Phone : null,
            ["Website"] = p?.Domain,
            ["FirstName"] = p?.GivenName,
            ["LastName"] = p?.FamilyName,
            ["Email"] = p?.Email,
            ["Title"] = p?.JobTitle,
            ["Birthdate"] = p?.DateOfBirth,
            ["Company"] = p?.CompanyName ?? (sobject == "Lead" ? "[not provided]" : null),
            ["AccountId"] = sobject == "Contact" ? p?.AccountRecordId : a?.PartyEntityType == "Account" && !broken ? a.PartyRecordId : null,
            ["ContactId"] = a?.PartyEntityType == "Contact" && !broken ? a.PartyRecordId : null,
            ["Status"] = sobject == "Lead" ? "Open - Not Contacted" : a?.Status,
            ["IsConverted"] = false,
            ["StageName"] = a?.Status,
            ["Amount"] = a?.Amount,
            ["CurrencyIsoCode"] = a?.Currency,
            ["CloseDate"] = a?.OccurredAt.AddDays(30).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["IsClosed"] = closed,
            ["IsWon"] = a?.Status == "Closed Won",
            ["Subject"] = a?.Title,
            ["Origin"] = a?.Product,
            ["Priority"] = "Medium",
        };
        foreach (var prefix in new[] { "Billing", "Mailing", string.Empty })
        {
            values[prefix + "Street"] = p?.AddressLine2 is null ? p?.AddressLine1 : p.AddressLine1 + "\n" + p.AddressLine2;
            values[prefix + "City"] = p?.City;
            values[prefix + "State"] = p?.Region;
            values[prefix + "PostalCode"] = p?.Postcode;
            values[prefix + "Country"] = p?.Country;
        }

        var item = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = sobject, ["url"] = $"/services/data/{Version}/sobjects/{sobject}/{record.RecordId}" },
        };
        foreach (var field in fields)
        {
            item[field] = values.TryGetValue(field, out var value) ? value?.DeepClone() : null;
        }

        return item;
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = code }), statusCode: status);

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>[\w\s,]+?)\s+FROM\s+(?<object>\w+)(\s+WHERE\s+SystemModstamp\s*(?<op>>|>=)\s*(?<since>[0-9T:\.\-Z+]+))?\s+ORDER\s+BY\s+SystemModstamp(\s+ASC)?(\s*,\s*Id(\s+ASC)?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoqlPattern();
}
