using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.Examples;

/// <summary>
/// The connector of the walk-through in docs/connectors.md: a CRM whose API lists people changed
/// since a time, a page at a time (<c>GET /api/people?updated_since=...&amp;page=n</c> answering
/// <c>{"people": [...], "next_page": n|null}</c>). Everything else (archive, mapping, quarantine,
/// publishing, checkpoints, retries, health) comes from the SDK.
/// </summary>
public sealed class ExampleCrmConnector(IHttpClientFactory httpClientFactory, IOptions<ExampleCrmOptions> options) : ISourceConnector
{
    public const string SourceName = "examplecrm";
    public const string HttpClientName = "connector-examplecrm";

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["people"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        // The checkpoint is "since|page": where this pass started, and the next page to read.
        var (since, page) = checkpoint?.Split('|') is [var s, var p] ? (s, p) : ("1970-01-01T00:00:00Z", "1");
        var url = new Uri($"{options.Value.BaseUrl!.AbsoluteUri.TrimEnd('/')}/api/people?updated_since={Uri.EscapeDataString(since)}&page={page}&per_page={options.Value.PageSize}");
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var (items, unreadable) = PageReader.ReadItems(
            document.RootElement.TryGetProperty("people", out var people) ? people : default,
            entityType,
            e => PageReader.Text(e, "id"),
            e => PageReader.Text(e, "updated_at"),
            _ => null,
            e => e.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True);
        var next = PageReader.Text(document.RootElement, "next_page");
        if (next is not null)
        {
            return new SourcePage(raw, items, since + "|" + next, true, unreadable);
        }

        // The pass is complete: the next one asks for what changed since the newest record seen.
        var newest = items.Count == 0 ? since : items.Max(i => i.ModifiedAt).ToString("o");
        return new SourcePage(raw, items, newest + "|1", false, unreadable);
    }
}
