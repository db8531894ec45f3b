using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Customer360Hub.Connectors.Graph;

/// <summary>
/// Microsoft 365 spoke: delta queries of one mailbox's inbox, sent items and calendar through the
/// Microsoft.Graph SDK (base URL from options, HTTP from the connector's resilient client). Mail and
/// meetings with outside addresses become interactions. The checkpoint is the <c>@odata.nextLink</c>
/// while paging and the <c>@odata.deltaLink</c> between passes. Pages are read raw, so they can be
/// archived exactly as received.
/// </summary>
public sealed class GraphConnector(IHttpClientFactory httpClientFactory, IOptions<GraphOptions> options, IAuthenticationProvider authentication, TimeProvider time) : ISourceConnector
{
    public const string SourceName = "graph";
    public const string HttpClientName = "connector-graph";

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["inbox", "sentitems", "events"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var graph = new GraphServiceClient(httpClientFactory.CreateClient(HttpClientName), authentication, settings.BaseUrl!.AbsoluteUri.TrimEnd('/'));
        RequestInformation request;
        if (checkpoint is not null)
        {
            request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(checkpoint) };
        }
        else if (entityType == "events")
        {
            var now = time.GetUtcNow();
            request = graph.Users[settings.Mailbox].CalendarView.Delta.ToGetRequestInformation(c =>
            {
                c.QueryParameters.StartDateTime = now.AddDays(-settings.CalendarWindowDays).ToString("o");
                c.QueryParameters.EndDateTime = now.AddDays(settings.CalendarWindowDays).ToString("o");
            });
        }
        else
        {
            request = graph.Users[settings.Mailbox].MailFolders[entityType].Messages.Delta.ToGetRequestInformation();
        }

        request.Headers.Add("Prefer", "odata.maxpagesize=" + settings.PageSize);
        byte[] raw;
        try
        {
            await using var stream = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new SourceHttpException($"{SourceName} answered an empty page.");
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            raw = buffer.ToArray();
        }
        catch (ApiException ex)
        {
            throw new SourceHttpException(SourceName, (System.Net.HttpStatusCode)ex.ResponseStatusCode, ex.Message);
        }

        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            root.TryGetProperty("value", out var value) ? value : default,
            entityType,
            e => PageReader.Text(e, "id"),
            e => PageReader.Text(e, "lastModifiedDateTime") ?? (e.TryGetProperty("@removed", out _) ? time.GetUtcNow().ToString("o") : null),
            e => PageReader.Text(e, "@odata.etag"),
            e => e.TryGetProperty("@removed", out _));
        var next = PageReader.Text(root, "@odata.nextLink");
        var delta = PageReader.Text(root, "@odata.deltaLink");
        return new SourcePage(raw, items, next ?? delta ?? checkpoint, next is not null, unreadable);
    }
}
