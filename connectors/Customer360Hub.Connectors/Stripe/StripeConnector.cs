using System.Globalization;
using System.Text;
using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;
using global::Stripe;

namespace Customer360Hub.Connectors.Stripe;

/// <summary>
/// Billing spoke for Stripe through the official Stripe.net client (pointed at
/// <see cref="Sdk.ConnectorOptions.BaseUrl"/>, HTTP from the connector's resilient client). The first
/// pass lists every object newest first (<c>starting_after</c>); it first notes the newest event, and
/// later passes walk the Events API forward from there (<c>ending_before</c>) for the object's
/// created, updated and deleted events. Pages are read as raw JSON, so one odd record cannot fail a page.
/// </summary>
public sealed class StripeConnector(IHttpClientFactory httpClientFactory, IOptions<StripeOptions> options) : ISourceConnector
{
    public const string SourceName = "stripe";
    public const string HttpClientName = "connector-stripe";

    private static readonly Dictionary<string, string> EventPrefixes = new(StringComparer.Ordinal)
    {
        ["customers"] = "customer", ["subscriptions"] = "customer.subscription", ["invoices"] = "invoice",
        ["payment_intents"] = "payment_intent", ["charges"] = "charge", ["refunds"] = "refund",
    };

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["customers", "subscriptions", "invoices", "payment_intents", "charges", "refunds"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var client = Client();
        var state = StripeCheckpoint.Parse(checkpoint);
        if (state.Phase == StripeCheckpoint.Start)
        {
            // Events after this one are what changes once the listing is done.
            var newest = await GetAsync(client, "/v1/events?limit=1", cancellationToken).ConfigureAwait(false);
            state = new StripeCheckpoint(StripeCheckpoint.Listing, FirstId(newest) ?? string.Empty, null);
        }

        if (state.Phase == StripeCheckpoint.Listing)
        {
            var query = $"/v1/{entityType}?limit={Limit()}" + (entityType == "subscriptions" ? "&status=all" : string.Empty)
                + (entityType == "refunds" ? "&expand[]=data.charge" : string.Empty)
                + (state.After is null ? string.Empty : "&starting_after=" + Uri.EscapeDataString(state.After));
            var raw = await GetAsync(client, query, cancellationToken).ConfigureAwait(false);
            var (items, unreadable, hasMore, lastId, _) = Read(raw, entityType, fromEvents: false);
            var next = hasMore && lastId is not null ? state with { After = lastId } : new StripeCheckpoint(StripeCheckpoint.Events, state.EventCursor, null);
            return new SourcePage(raw, items, next.ToString(), hasMore || next.Phase == StripeCheckpoint.Events, unreadable);
        }

        var prefix = EventPrefixes[entityType];
        var types = string.Concat(new[] { "created", "updated", "deleted" }.Select(t => "&types[]=" + prefix + "." + t));
        var cursor = state.EventCursor.Length == 0 ? "&created[gte]=0" : "&ending_before=" + Uri.EscapeDataString(state.EventCursor);
        var eventsRaw = await GetAsync(client, $"/v1/events?limit={Limit()}{types}{cursor}", cancellationToken).ConfigureAwait(false);
        var (eventItems, eventUnreadable, more, _, newestEvent) = Read(eventsRaw, entityType, fromEvents: true);
        var moved = new StripeCheckpoint(StripeCheckpoint.Events, newestEvent ?? state.EventCursor, null);
        return new SourcePage(eventsRaw, eventItems, moved.ToString(), more && newestEvent is not null, eventUnreadable);
    }

    private StripeClient Client()
    {
        var settings = options.Value;
        var http = httpClientFactory.CreateClient(HttpClientName);
        // Retries belong to the resilience pipeline of the HTTP client, not to the SDK.
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.Auth.ApiKey ?? throw new InvalidOperationException("Connectors:Stripe:Auth:ApiKey is required."),
            ApiBase = settings.BaseUrl!.AbsoluteUri.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 0),
        });
    }

    private int Limit() => Math.Clamp(options.Value.PageSize, 1, 100);

    private static async Task<byte[]> GetAsync(StripeClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.RawRequestAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetBytes(response.Content);
        }
        catch (StripeException ex)
        {
            throw new SourceHttpException(SourceName, ex.HttpStatusCode, ex.StripeError?.Message ?? ex.Message);
        }
    }

    private static (List<SourceItem> Items, List<UnreadableItem> Unreadable, bool HasMore, string? LastId, string? NewestEvent) Read(byte[] raw, string entityType, bool fromEvents)
    {
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var array) ? array : default;
        var hasMore = root.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True;
        if (!fromEvents)
        {
            var (items, unreadable) = PageReader.ReadItems(data, entityType, e => PageReader.Text(e, "id"), Created, e => PageReader.Text(e, "created"), _ => false);
            return (items, unreadable, hasMore, LastId(data), null);
        }

        // An event carries the object as it was then; its time orders versions, its id versions them.
        var objects = new List<SourceItem>();
        var broken = new List<UnreadableItem>();
        foreach (var element in data.EnumerateArray())
        {
            var (item, bad) = PageReader.ReadItems(
                JsonSerializer.SerializeToElement(new[] { element.GetProperty("data").GetProperty("object") }),
                entityType,
                e => PageReader.Text(e, "id"),
                _ => Created(element),
                _ => PageReader.Text(element, "id"),
                _ => PageReader.Text(element, "type")?.EndsWith(".deleted", StringComparison.Ordinal) == true);
            objects.AddRange(item);
            broken.AddRange(bad);
        }

        return (objects, broken, hasMore, null, FirstId(data));
    }

    private static string? Created(JsonElement element) =>
        element.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(created.GetInt64()).ToString("o", CultureInfo.InvariantCulture)
            : null;

    private static string? FirstId(byte[] raw)
    {
        using var document = JsonDocument.Parse(raw);
        return document.RootElement.TryGetProperty("data", out var data) ? FirstId(data) : null;
    }

    private static string? FirstId(JsonElement data) =>
        data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 ? PageReader.Text(data[0], "id") : null;

    private static string? LastId(JsonElement data) =>
        data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 ? PageReader.Text(data[data.GetArrayLength() - 1], "id") : null;
}
