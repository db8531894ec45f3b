using System.Globalization;

namespace Customer360Hub.Timeline;

/// <summary>
/// The daily counts kept in <see cref="Profiles.ProfileAggregates.Activity"/>: keys are
/// <c>yyyy-MM-dd|metric</c>, so the day sorts first and a window is a key range. Invoices also leave
/// their due day and the days payments against them were received (<see cref="InvoiceDuePrefix"/>,
/// <see cref="InvoicePaidPrefix"/>), so how late an invoice was paid can be read whichever of the
/// two records arrived first.
/// </summary>
public static class ActivityMetrics
{
    /// <summary>A ticket opened (rating-only records are not tickets).</summary>
    public const string Ticket = "ticket";

    /// <summary>An escalated ticket still open, on the day it was opened (so its age is known).</summary>
    public const string OpenEscalation = "openEscalation";

    /// <summary>A ticket rating received, and one that said satisfied.</summary>
    public const string CsatRated = "csatRated";
    public const string CsatSatisfied = "csatSatisfied";

    /// <summary>A payment that failed or was declined.</summary>
    public const string PaymentFailed = "paymentFailed";

    /// <summary>
    /// A charge attempted on the customer's card or account (succeeded or not): only a customer who is
    /// charged can have a failed payment. Receipts posted in an ERP are not charges.
    /// </summary>
    public const string Charge = "charge";

    /// <summary>Prefix of an invoice's due day: <c>yyyy-MM-dd|due:RECORDKEY</c>.</summary>
    public const string InvoiceDuePrefix = "due:";

    /// <summary>Prefix of a day a payment was received against an invoice: <c>yyyy-MM-dd|paid:INVOICEKEY</c>.</summary>
    public const string InvoicePaidPrefix = "paid:";

    /// <summary>Marketing email events: sent, opened, clicked.</summary>
    public const string EmailSent = "emailSent";
    public const string EmailOpened = "emailOpened";
    public const string EmailClicked = "emailClicked";

    /// <summary>A touch with the account team (any interaction: mail, call, meeting).</summary>
    public const string Touch = "touch";

    /// <summary>An interaction on the <c>meeting</c> channel.</summary>
    public const string Meeting = "meeting";

    /// <summary>Net Promoter Score answers: 9-10, 7-8, 0-6.</summary>
    public const string NpsPromoter = "npsPromoter";
    public const string NpsPassive = "npsPassive";
    public const string NpsDetractor = "npsDetractor";

    public static string Key(DateOnly day, string metric) => Day(day) + "|" + metric;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The sum of <paramref name="metric"/> over the days (<paramref name="today"/> - <paramref name="fromDaysAgo"/>, <paramref name="today"/> - <paramref name="toDaysAgo"/>].</summary>
    public static int Sum(IReadOnlyDictionary<string, int> activity, string metric, DateOnly today, int fromDaysAgo, int toDaysAgo = 0)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = Day(today.AddDays(-fromDaysAgo));
        var to = Day(today.AddDays(-toDaysAgo));
        var total = 0;
        foreach (var (key, count) in activity)
        {
            var separator = key.IndexOf('|', StringComparison.Ordinal);
            if (separator == 10 && key.AsSpan(separator + 1).SequenceEqual(metric)
                && string.CompareOrdinal(key, 0, from, 0, 10) > 0 && string.CompareOrdinal(key, 0, to, 0, 10) <= 0)
            {
                total += count;
            }
        }

        return total;
    }

    /// <summary>
    /// Days late of each invoice whose (last) payment was received in the last <paramref name="windowDays"/>
    /// days and whose due day is known: 0 when paid by the due day.
    /// </summary>
    public static List<int> DaysPaidLate(IReadOnlyDictionary<string, int> activity, DateOnly today, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = Day(today.AddDays(-windowDays));
        var due = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var paid = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var key in activity.Keys)
        {
            var separator = key.IndexOf('|', StringComparison.Ordinal);
            if (separator != 10)
            {
                continue;
            }

            var name = key[(separator + 1)..];
            if (name.StartsWith(InvoiceDuePrefix, StringComparison.Ordinal))
            {
                due[name[InvoiceDuePrefix.Length..]] = DayOf(key);
            }
            else if (name.StartsWith(InvoicePaidPrefix, StringComparison.Ordinal) && string.CompareOrdinal(key, 0, from, 0, 10) > 0)
            {
                var invoice = name[InvoicePaidPrefix.Length..];
                var day = DayOf(key);
                if (!paid.TryGetValue(invoice, out var known) || day > known)
                {
                    paid[invoice] = day;
                }
            }
        }

        return [.. paid.Where(p => due.ContainsKey(p.Key)).Select(p => Math.Max(0, p.Value.DayNumber - due[p.Key].DayNumber))];
    }

    private static DateOnly DayOf(string key) => DateOnly.ParseExact(key.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The newest day with any of <paramref name="metrics"/>, or null when none is in the kept window.</summary>
    public static DateOnly? LastDay(IReadOnlyDictionary<string, int> activity, params string[] metrics)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string? newest = null;
        foreach (var key in activity.Keys)
        {
            var separator = key.IndexOf('|', StringComparison.Ordinal);
            if (separator == 10 && metrics.Contains(key[(separator + 1)..], StringComparer.Ordinal) && (newest is null || string.CompareOrdinal(key, 0, newest, 0, 10) > 0))
            {
                newest = key[..10];
            }
        }

        return newest is null ? null : DateOnly.ParseExact(newest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
