using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;

namespace Customer360Hub.Timeline;

/// <summary>Builds a transaction's timeline entry from its canonical attributes (already screened).</summary>
public static class TimelineEntries
{
    public static TimelineEntry For(SourceRecord record, string profileId)
    {
        ArgumentNullException.ThrowIfNull(record);
        var a = record.Attributes;
        return new TimelineEntry
        {
            ProfileId = profileId,
            RecordKey = record.RecordKey,
            Kind = KindNames.ToName(record.Kind),
            Source = record.Source,
            OccurredAt = OccurredAt(record),
            Title = a.GetValueOrDefault(CanonicalFields.Title),
            Status = a.GetValueOrDefault(CanonicalFields.Status)?.Trim().ToLowerInvariant(),
            Amount = Number(a, CanonicalFields.Amount),
            Currency = a.GetValueOrDefault(CanonicalFields.Currency)?.ToUpperInvariant(),
            AmountDue = Number(a, CanonicalFields.AmountDue),
            DueOn = DateValues.ParseDate(a.GetValueOrDefault(CanonicalFields.DueDate)),
            Product = a.GetValueOrDefault(CanonicalFields.Product),
            BillingInterval = a.GetValueOrDefault(CanonicalFields.BillingInterval),
            Quantity = Number(a, CanonicalFields.Quantity),
            RenewsOn = DateValues.ParseDate(a.GetValueOrDefault(CanonicalFields.RenewalDate)),
            CloseOn = DateValues.ParseDate(a.GetValueOrDefault(CanonicalFields.CloseDate)),
            Satisfied = RecordValidator.Satisfaction(a.GetValueOrDefault(CanonicalFields.Csat)),
            Channel = a.GetValueOrDefault(CanonicalFields.Channel),
            Priority = a.GetValueOrDefault(CanonicalFields.Priority)?.Trim().ToLowerInvariant(),
            Nps = RecordValidator.NpsAnswer(a.GetValueOrDefault(CanonicalFields.Nps)),
            UsageLimit = Number(a, CanonicalFields.UsageLimit),
            RelatedRef = a.GetValueOrDefault(CanonicalFields.RelatedRef),
        };
    }

    /// <summary>The entry id a record has on any profile's timeline.</summary>
    public static string IdOf(SourceRecord record) => TimelineEntry.IdFor(OccurredAt(record), record.RecordKey);

    /// <summary>When the transaction happened; its modification time when the source does not say.</summary>
    public static DateTimeOffset OccurredAt(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DateValues.ParseTime(record.Attributes.GetValueOrDefault(CanonicalFields.OccurredAt)) ?? record.ModifiedAt;
    }

    private static decimal? Number(Dictionary<string, string> attributes, string field) =>
        DateValues.ParseDecimal(attributes.GetValueOrDefault(field)) is { } value ? AggregateCalculator.Exact(value) : null;
}
