using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// Renders world records with each vendor's field names and formats. A record the fault knobs
/// mark malformed loses what the vendor never omits: its modification time (parties) or its
/// customer reference (transactions).
/// </summary>
internal sealed class VendorRenderer(SyntheticWorld world, SandboxFaults faults)
{
    public SyntheticWorld World => world;

    public bool IsMalformed(WorldRecord record) => faults.IsMalformed(record.Source + record.RecordId);

    public JsonObject BusinessCentral(WorldRecord record, bool expandLines)
    {
        var broken = IsMalformed(record);
        var modified = broken && record.Party is not null ? "0000-00-00T25:61:00Z" : Cursor.Iso(record.ModifiedAt);
        var item = new JsonObject
        {
            ["@odata.etag"] = $"W/\"JzE5OzEyMzQ1Njc4OTs{record.Version}{record.ModifiedAt.UtcTicks % 100000}Jzs=\"",
            ["id"] = record.Party is { } p ? RecordIds.Guid(world.Seed, p.EntityType, p.Unit, p.Slot) : record.RecordId,
        };
        if (record.Party is { } party)
        {
            item["number"] = party.RecordId;
            item["displayName"] = party.PartyType == CustomerType.Organization ? party.CompanyName : party.FullName;
            item["type"] = party.PartyType == CustomerType.Organization ? "Company" : "Person";
            if (party.EntityType == "contacts")
            {
                item["companyNumber"] = party.AccountRecordId ?? string.Empty;
                item["companyName"] = party.CompanyName ?? string.Empty;
                item["businessRelation"] = party.AccountRecordId is null ? "None" : "Customer";
                item["jobTitle"] = party.JobTitle ?? string.Empty;
            }

            item["addressLine1"] = party.AddressLine1 ?? string.Empty;
            item["addressLine2"] = party.AddressLine2 ?? string.Empty;
            item["city"] = party.City ?? string.Empty;
            item["state"] = party.Region ?? string.Empty;
            item["country"] = party.Country ?? string.Empty;
            item["postalCode"] = party.Postcode ?? string.Empty;
            item[party.PhoneIsMobile && party.EntityType == "contacts" ? "mobilePhoneNumber" : "phoneNumber"] = party.Phone ?? string.Empty;
            item["email"] = party.Email ?? string.Empty;
            item["website"] = party.Domain ?? string.Empty;
        }
        else if (record.Activity is { } a)
        {
            var customerNumber = broken ? string.Empty : a.PartyRecordId;
            var customerId = broken ? "00000000-0000-0000-0000-000000000000" : RecordIds.Guid(world.Seed, "customers", a.Unit, PartySlot(a));
            var date = a.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (a.EntityType)
            {
                case "salesOrders":
                    item["number"] = "S-ORD" + (RecordIds.Sequence(a.Unit, a.Slot) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                    item["orderDate"] = date;
                    break;
                case "salesInvoices":
                    item["number"] = "S-INV" + (RecordIds.Sequence(a.Unit, a.Slot) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                    item["invoiceDate"] = date;
                    item["postingDate"] = date;
                    item["dueDate"] = a.OccurredAt.AddDays(30).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    item["orderId"] = a.RelatedRecordId;
                    break;
                default:
                    item["journalDisplayName"] = "CASH RECEIPTS";
                    item["lineNumber"] = 10000 + (a.Slot % 1000 * 10);
                    item["postingDate"] = date;
                    item["documentNumber"] = "PAY" + (a.Slot % 100000).ToString("D5", CultureInfo.InvariantCulture);
                    item["amount"] = -a.Amount;
                    item["appliesToInvoiceId"] = a.RelatedRecordId;
                    item["description"] = "Payment";
                    break;
            }

            item["customerId"] = customerId;
            item["customerNumber"] = customerNumber;
            if (a.EntityType != "customerPayments")
            {
                item["currencyCode"] = a.Currency;
                item["status"] = a.Status;
                item["totalAmountExcludingTax"] = a.Amount;
                item["totalAmountIncludingTax"] = a.Amount;
            }

            if (expandLines && a.EntityType == "salesInvoices")
            {
                var lines = new JsonArray();
                var sequence = 10000;
                foreach (var (product, quantity, price) in a.Lines)
                {
                    lines.Add(new JsonObject
                    {
                        ["id"] = RecordIds.Guid(world.Seed, "lines", a.Unit, (a.Slot * 16) + (sequence / 10000)),
                        ["documentId"] = a.RecordId,
                        ["sequence"] = sequence,
                        ["lineType"] = "Item",
                        ["description"] = product,
                        ["quantity"] = quantity,
                        ["unitPrice"] = price,
                        ["amountExcludingTax"] = quantity * price,
                    });
                    sequence += 10000;
                }

                item["salesInvoiceLines"] = lines;
            }
        }

        item["lastModifiedDateTime"] = modified;
        return item;
    }

    /// <summary>The slot of the party a transaction hangs on (decoded from the party's record id).</summary>
    private static int PartySlot(ActivityView activity)
    {
        var number = activity.PartyRecordId!.TrimStart('C', 'T');
        return (int)(long.Parse(number, CultureInfo.InvariantCulture) % RecordIds.SlotsPerUnit);
    }

    public static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
