using System.Globalization;
using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.BusinessCentral;

/// <summary>
/// ERP spoke for Business Central API v2.0: customers, contacts, sales orders, sales invoices
/// (with their lines) and customer payments, by OData <c>$filter</c> on <c>lastModifiedDateTime</c>,
/// ordered by it, following <c>@odata.nextLink</c>. The checkpoint is the next link while paging
/// and the last modification time once a pass is complete.
/// </summary>
public sealed class BusinessCentralConnector(IHttpClientFactory httpClientFactory, IOptions<BusinessCentralOptions> options) : ISourceConnector
{
    public const string SourceName = "businesscentral";
    public const string HttpClientName = "connector-businesscentral";

    private const string LinkPrefix = "link:";
    private const string SincePrefix = "since:";

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["customers", "contacts", "salesOrders", "salesInvoices", "customerPayments"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var since = checkpoint is not null && checkpoint.StartsWith(SincePrefix, StringComparison.Ordinal) ? checkpoint[SincePrefix.Length..] : null;
        var url = checkpoint is not null && checkpoint.StartsWith(LinkPrefix, StringComparison.Ordinal)
            ? checkpoint[LinkPrefix.Length..]
            : FirstPageUrl(settings, entityType, since);

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        // Customers and contacts are known to people and other records by their number.
        var idField = entityType is "customers" or "contacts" ? "number" : "id";
        var (items, unreadable) = PageReader.ReadItems(
            root.TryGetProperty("value", out var value) ? value : default,
            entityType,
            e => PageReader.Text(e, idField),
            e => PageReader.Text(e, "lastModifiedDateTime"),
            e => PageReader.Text(e, "@odata.etag"),
            _ => false);

        var nextLink = PageReader.Text(root, "@odata.nextLink");
        var newest = items.Count == 0 ? since : items.Max(i => i.ModifiedAt).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var next = nextLink is not null ? LinkPrefix + nextLink : newest is not null ? SincePrefix + newest : checkpoint;
        return new SourcePage(raw, items, next, nextLink is not null, unreadable);
    }

    private static string FirstPageUrl(BusinessCentralOptions settings, string entityType, string? since)
    {
        var url = $"{settings.BaseUrl!.AbsoluteUri.TrimEnd('/')}/api/v2.0/companies({settings.CompanyId})/{entityType}?$orderby=lastModifiedDateTime&$top={settings.PageSize}";
        if (entityType == "salesInvoices")
        {
            url += "&$expand=salesInvoiceLines";
        }

        // 'ge' rather than 'gt': records sharing the boundary timestamp are pulled again, never skipped; their ids dedupe.
        return since is null ? url : url + "&$filter=lastModifiedDateTime ge " + since;
    }
}
