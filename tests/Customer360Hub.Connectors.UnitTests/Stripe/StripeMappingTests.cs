using System.Text.Json;
using Customer360Hub.Changes;
using Customer360Hub.Connectors.Mapping;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Connectors.Stripe;

namespace Customer360Hub.Connectors.UnitTests.Stripe;

public sealed class StripeMappingTests
{
    private static readonly RecordMapper Mapper = new(SourceMapping.FromResource(typeof(StripeConnector), StripeConnector.SourceName));

    [Fact]
    public void Map_InvoiceChargedAutomatically_IsDueWhenFinalized()
    {
        // 2026-10-12T09:30:00Z finalized; Stripe gives such invoices no due date.
        var change = Map("""{"id":"in_1","customer":"cus_1","status":"open","amount_due":4900,"currency":"usd","created":1791797400,"collection_method":"charge_automatically","due_date":null,"status_transitions":{"finalized_at":1791797400,"paid_at":null}}""");

        Assert.Equal("2026-10-12", change.Attributes[CanonicalFields.DueDate]);
    }

    [Fact]
    public void Map_InvoiceSentForPayment_KeepsItsDueDate()
    {
        // Due 2026-11-11, thirty days after it was finalized.
        var change = Map("""{"id":"in_2","customer":"cus_1","status":"open","amount_due":4900,"currency":"usd","created":1791797400,"collection_method":"send_invoice","due_date":1794389400,"status_transitions":{"finalized_at":1791797400,"paid_at":null}}""");

        Assert.Equal("2026-11-11", change.Attributes[CanonicalFields.DueDate]);
    }

    [Fact]
    public void Map_DraftInvoice_HasNoDueDateYet()
    {
        var change = Map("""{"id":"in_3","customer":"cus_1","status":"draft","amount_due":4900,"currency":"usd","created":1791797400,"collection_method":"charge_automatically","due_date":null,"status_transitions":{"finalized_at":null,"paid_at":null}}""");

        Assert.False(change.Attributes.ContainsKey(CanonicalFields.DueDate));
    }

    private static SourceChange Map(string invoice)
    {
        using var document = JsonDocument.Parse(invoice);
        var item = new SourceItem("invoices", document.RootElement.GetProperty("id").GetString()!, "1", DateTimeOffset.UnixEpoch, false, document.RootElement.Clone());
        return Mapper.Map(item, DateTimeOffset.UnixEpoch, "raw#0");
    }
}
