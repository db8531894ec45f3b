using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.Zendesk;

/// <summary>
/// Support spoke for Zendesk: the cursor-based incremental exports of users and tickets
/// (checkpoint: <c>after_cursor</c>, kept at the end of the stream), the time-based export of
/// organizations (checkpoint: <c>end_time</c>), and satisfaction ratings with cursor pagination
/// (checkpoint: the last <c>after_cursor</c>).
/// </summary>
public sealed class ZendeskConnector(IHttpClientFactory httpClientFactory, IOptions<ZendeskOptions> options) : ISourceConnector
{
    public const string SourceName = "zendesk";
    public const string HttpClientName = "connector-zendesk";

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["organizations", "users", "tickets", "satisfaction_ratings"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var root = settings.BaseUrl!.AbsoluteUri.TrimEnd('/');
        var url = entityType switch
        {
            "organizations" => $"{root}/api/v2/incremental/organizations.json?start_time={checkpoint ?? "0"}&per_page={settings.PageSize}",
            "satisfaction_ratings" => checkpoint is null
                ? $"{root}/api/v2/satisfaction_ratings.json?start_time=0&page[size]={settings.PageSize}"
                : $"{root}/api/v2/satisfaction_ratings.json?page[size]={settings.PageSize}&page[after]={Uri.EscapeDataString(checkpoint)}",
            _ => $"{root}/api/v2/incremental/{entityType}/cursor.json?{(checkpoint is null ? "start_time=0" : "cursor=" + Uri.EscapeDataString(checkpoint))}&per_page={settings.PageSize}",
        };

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var page = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            page.TryGetProperty(entityType, out var array) ? array : default,
            entityType,
            e => PageReader.Text(e, "id"),
            e => PageReader.Text(e, "updated_at"),
            _ => null,
            e => IsDeleted(entityType, e));

        string? next;
        bool hasMore;
        switch (entityType)
        {
            case "organizations":
                next = PageReader.Text(page, "end_time") ?? checkpoint;
                hasMore = page.TryGetProperty("end_of_stream", out var orgEnd) && orgEnd.ValueKind == JsonValueKind.False;
                break;
            case "satisfaction_ratings":
                var meta = page.GetProperty("meta");
                next = PageReader.Text(meta, "after_cursor") ?? checkpoint;
                hasMore = meta.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True;
                break;
            default:
                next = PageReader.Text(page, "after_cursor") ?? checkpoint;
                hasMore = !(page.TryGetProperty("end_of_stream", out var end) && end.ValueKind == JsonValueKind.True);
                break;
        }

        return new SourcePage(raw, items, next, hasMore, unreadable);
    }

    private static bool IsDeleted(string entityType, JsonElement item) => entityType switch
    {
        "tickets" => PageReader.Text(item, "status") == "deleted",
        "users" => item.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False,
        "organizations" => PageReader.Text(item, "deleted_at") is not null,
        _ => false,
    };
}
