using System.Globalization;
using System.Text.Json;
using Customer360Hub.Connectors.Sdk;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.Salesforce;

/// <summary>
/// CRM spoke for Salesforce: SOQL through <c>queryAll</c> (so deleted records arrive as deletes) on
/// <c>SystemModstamp</c>, ascending, following <c>nextRecordsUrl</c>. The checkpoint is the next
/// records URL while paging and the newest <c>SystemModstamp</c> once a pass is complete.
/// </summary>
public sealed class SalesforceConnector(IHttpClientFactory httpClientFactory, IOptions<SalesforceOptions> options) : ISourceConnector
{
    public const string SourceName = "salesforce";
    public const string HttpClientName = "connector-salesforce";

    private const string NextPrefix = "next:";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Account"] = "Id, Name, Phone, Website, BillingStreet, BillingCity, BillingState, BillingPostalCode, BillingCountry, IsDeleted, CreatedDate, SystemModstamp",
        ["Contact"] = "Id, AccountId, FirstName, LastName, Email, Phone, MobilePhone, Title, Birthdate, MailingStreet, MailingCity, MailingState, MailingPostalCode, MailingCountry, IsDeleted, CreatedDate, SystemModstamp",
        ["Lead"] = "Id, FirstName, LastName, Company, Email, Phone, MobilePhone, Title, Street, City, State, PostalCode, Country, Status, IsConverted, IsDeleted, CreatedDate, SystemModstamp",
        ["Opportunity"] = "Id, AccountId, Name, StageName, Amount, CurrencyIsoCode, CloseDate, IsClosed, IsWon, IsDeleted, CreatedDate, SystemModstamp",
        ["Case"] = "Id, ContactId, AccountId, Subject, Status, Origin, Priority, IsClosed, IsDeleted, CreatedDate, SystemModstamp",
    };

    public string Source => SourceName;

    public IReadOnlyList<string> EntityTypes { get; } = ["Account", "Contact", "Lead", "Opportunity", "Case"];

    public async Task<SourcePage> PullAsync(string entityType, string? checkpoint, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var root = settings.BaseUrl!.AbsoluteUri.TrimEnd('/');
        string url;
        if (checkpoint is not null && checkpoint.StartsWith(NextPrefix, StringComparison.Ordinal))
        {
            url = root + checkpoint[NextPrefix.Length..];
        }
        else
        {
            var where = checkpoint is null ? string.Empty : $" WHERE SystemModstamp >= {checkpoint}";
            var soql = $"SELECT {Fields[entityType]} FROM {entityType}{where} ORDER BY SystemModstamp ASC";
            url = $"{root}/services/data/{settings.ApiVersion}/queryAll?q={Uri.EscapeDataString(soql)}";
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        request.Headers.Add("Sforce-Query-Options", "batchSize=" + Math.Clamp(settings.PageSize, 200, 2000).ToString(CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await SourceHttpException.ThrowIfFailedAsync(SourceName, response, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(raw);
        var page = document.RootElement;
        var (items, unreadable) = PageReader.ReadItems(
            page.TryGetProperty("records", out var records) ? records : default,
            entityType,
            e => PageReader.Text(e, "Id"),
            e => PageReader.Text(e, "SystemModstamp"),
            _ => null,
            e => e.TryGetProperty("IsDeleted", out var deleted) && deleted.ValueKind == JsonValueKind.True);

        var nextUrl = PageReader.Text(page, "nextRecordsUrl");
        if (nextUrl is not null)
        {
            return new SourcePage(raw, items, NextPrefix + nextUrl, true, unreadable);
        }

        // '>=' next time: records sharing the newest stamp come again, never get skipped; ids dedupe.
        var newest = items.Count == 0 ? checkpoint : items.Max(i => i.ModifiedAt).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        return new SourcePage(raw, items, newest, false, unreadable);
    }
}
