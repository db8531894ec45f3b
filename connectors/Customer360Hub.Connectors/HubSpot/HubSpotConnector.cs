using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.HubSpot;

/// <summary>
/// Marketing spoke for HubSpot: CRM v3 search of contacts and companies (GTE filter on the last
/// modification date, ascending, <c>after</c> offsets; before the 10,000-result search limit the
/// filter moves up to the newest date seen), with the contacts' email subscription status
/// (<c>hs_email_optout</c>) as their email consent, and email events (sent, open, click, bounce,
/// unsubscribe) from the email events API by <c>offset</c>.
/// </summary>
public sealed class HubSpotConnector(IHttpClientFactory httpClientFactory, IOptions<HubSpotOptions> options) : ISourceConnector
{
    public const string SourceName = "hubspot";
    public const string HttpClientName = "connector-hubspot";

    private const int SearchLimit = 10_000;

    private static readonly string[] ContactProperties = ["firstname", "lastname", "email", "phone", "mobilephone", "company", "jobtitle", "address", "city", "state", "zip", "country", "date_of_birth", "associatedcompanyid", "hs_email_optout", "createdate", "lastmodifieddate"];
    private static readonly string[] CompanyProperties = ["name", "domain", "phone", "address", "address2", "city", "state", "zip", "country", "createdate", "hs_lastmodifieddate"];

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["companies", "contacts", "email-events"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);
        return entityType == "email-events"
            ? await EmailEventsAsync(client, checkpoint, cancellationToken).ConfigureAwait(false)
            : await SearchAsync(client, entityType, checkpoint, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SourcePage> SearchAsync(HttpClient client, string entityType, string? checkpoint, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var objectType = entityType == "companies" ? "companies" : "contacts";
        var dateProperty = objectType == "companies" ? "hs_lastmodifieddate" : "lastmodifieddate";
        var (since, after) = Parse(checkpoint);
        var body = new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(new JsonObject { ["propertyName"] = dateProperty, ["operator"] = "GTE", ["value"] = since.ToString(CultureInfo.InvariantCulture) }),
            }),
            ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = dateProperty, ["direction"] = "ASCENDING" }),
            ["properties"] = new JsonArray([.. (objectType == "companies" ? CompanyProperties : ContactProperties).Select(p => JsonValue.Create(p))]),
            ["limit"] = Math.Min(settings.PageSize, 200),
            ["after"] = after.ToString(CultureInfo.InvariantCulture),
        };
        var url = new Uri($"{settings.BaseUrl!.AbsoluteUri.TrimEnd('/')}/crm/v3/objects/{objectType}/search");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            root.TryGetProperty("results", out var results) ? results : default,
            entityType,
            e => PageReader.Text(e, "id"),
            e => e.TryGetProperty("properties", out var p) ? PageReader.Text(p, dateProperty) : null,
            _ => null,
            e => e.TryGetProperty("archived", out var archived) && archived.ValueKind == JsonValueKind.True);
        var nextAfter = root.TryGetProperty("paging", out var paging) ? PageReader.Text(paging.GetProperty("next"), "after") : null;
        var newest = items.Count == 0 ? since : Math.Max(since, items.Max(i => i.ModifiedAt).ToUnixTimeMilliseconds());
        if (nextAfter is not null && int.Parse(nextAfter, CultureInfo.InvariantCulture) + settings.PageSize < SearchLimit)
        {
            return new SourcePage(raw, items, Format(since, int.Parse(nextAfter, CultureInfo.InvariantCulture)), true, unreadable);
        }

        // Done, or about to hit the search limit: start again from the newest date seen (GTE: the boundary repeats, ids dedupe).
        var moved = nextAfter is not null && newest == since ? since + 1 : newest;
        return new SourcePage(raw, items, Format(moved, 0), nextAfter is not null, unreadable);
    }

    private async Task<SourcePage> EmailEventsAsync(HttpClient client, string? checkpoint, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = checkpoint is null ? "startTimestamp=0" : "offset=" + Uri.EscapeDataString(checkpoint);
        var url = new Uri($"{settings.BaseUrl!.AbsoluteUri.TrimEnd('/')}/email/public/v1/events?{query}&limit={settings.PageSize}");
        using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            root.TryGetProperty("events", out var events) ? events : default,
            "email-events",
            e => PageReader.Text(e, "id"),
            e => PageReader.Text(e, "created") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)).ToString("o", CultureInfo.InvariantCulture) : null,
            _ => "1",
            _ => false);
        var next = PageReader.Text(root, "offset") is { Length: > 0 } offset ? offset : checkpoint;
        var hasMore = root.TryGetProperty("hasMore", out var more) && more.ValueKind == JsonValueKind.True;
        return new SourcePage(raw, items, next, hasMore, unreadable);
    }

    private static (long Since, int After) Parse(string? checkpoint)
    {
        if (checkpoint is null)
        {
            return (0, 0);
        }

        var parts = checkpoint.Split(';');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Format(long since, int after) => string.Create(CultureInfo.InvariantCulture, $"{since};{after}");
}
