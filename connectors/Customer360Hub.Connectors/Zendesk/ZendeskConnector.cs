using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.Zendesk;

/// <summary>
/// Support spoke for Zendesk's incremental cursor exports
/// (<c>/api/v2/incremental/{users|tickets}/cursor.json</c>). The checkpoint is the
/// <c>after_cursor</c>, kept at the end of the stream so the next pass starts where this one ended.
/// </summary>
public sealed class ZendeskConnector(IHttpClientFactory httpClientFactory, IOptions<ZendeskOptions> options) : ISourceConnector
{
    public const string SourceName = "zendesk";
    public const string HttpClientName = "connector-zendesk";

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["users", "tickets"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var query = checkpoint is null ? "start_time=0" : "cursor=" + Uri.EscapeDataString(checkpoint);
        var url = $"{settings.BaseUrl!.AbsoluteUri.TrimEnd('/')}/api/v2/incremental/{entityType}/cursor.json?{query}&per_page={settings.PageSize}";

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            root.TryGetProperty(entityType, out var array) ? array : default,
            entityType,
            e => PageReader.Text(e, "id"),
            e => PageReader.Text(e, "updated_at"),
            _ => null,
            e => IsDeleted(entityType, e));

        var endOfStream = root.TryGetProperty("end_of_stream", out var end) && end.ValueKind == JsonValueKind.True;
        var next = PageReader.Text(root, "after_cursor") ?? checkpoint;
        return new SourcePage(raw, items, next, !endOfStream, unreadable);
    }

    private static bool IsDeleted(string entityType, JsonElement item) => entityType switch
    {
        "tickets" => PageReader.Text(item, "status") == "deleted",
        "users" => item.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False,
        _ => false,
    };
}
