using System.Globalization;

namespace Customer360Hub.Sandbox.World;

/// <summary>Transaction ids in each vendor's style (see <see cref="RecordIds"/>).</summary>
internal static class ActivityIds
{
    public static string Of(int seed, string source, string entity, int unit, int slot) => (source, entity) switch
    {
        (SourceNames.BusinessCentral, _) => RecordIds.Guid(seed, entity, unit, slot),
        (SourceNames.Stripe, "subscriptions") => RecordIds.Stripe("sub", seed, unit, slot),
        (SourceNames.Stripe, "invoices") => RecordIds.Stripe("in", seed, unit, slot),
        (SourceNames.Stripe, "payment_intents") => RecordIds.Stripe("pi", seed, unit, slot),
        (SourceNames.Stripe, "charges") => RecordIds.Stripe("ch", seed, unit, slot),
        (SourceNames.Stripe, _) => RecordIds.Stripe("re", seed, unit, slot),
        (SourceNames.Zendesk, "tickets") => RecordIds.Numeric(10_000_000_000, unit, slot),
        (SourceNames.Zendesk, _) => RecordIds.Numeric(20_000_000_000, unit, slot),
        (SourceNames.HubSpot, "subscriptions") => RecordIds.Numeric(30_000_000_000, unit, slot),
        (SourceNames.HubSpot, _) => RecordIds.Numeric(40_000_000_000, unit, slot),
        (SourceNames.Salesforce, "Opportunity") => RecordIds.Salesforce("006", unit, slot),
        (SourceNames.Salesforce, _) => RecordIds.Salesforce("500", unit, slot),
        _ => "AAMkAD" + RecordIds.Sequence(unit, slot).ToString("x12", CultureInfo.InvariantCulture) + (entity == "events" ? "AAEN" : "AAEM"),
    };
}
