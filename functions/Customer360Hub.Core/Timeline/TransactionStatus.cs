namespace Customer360Hub.Timeline;

/// <summary>
/// The canonical status vocabulary per transaction kind, read leniently: which statuses leave an
/// invoice, ticket or opportunity open, keep a subscription active, or keep a payment from counting.
/// </summary>
public static class TransactionStatus
{
    private static readonly HashSet<string> NotCounted = Set("failed", "canceled", "cancelled", "pending", "refunded", "void", "voided", "declined", "draft", "requires_payment_method");
    private static readonly HashSet<string> InvoiceClosed = Set("paid", "void", "voided", "draft", "canceled", "cancelled", "uncollectible", "written_off", "closed", "credited");
    private static readonly HashSet<string> SubscriptionActive = Set("active", "past_due");
    private static readonly HashSet<string> OpportunityClosed = Set("won", "lost", "closed_won", "closed_lost", "closed");
    private static readonly HashSet<string> TicketOpen = Set("new", "open", "pending", "hold", "on_hold", "in_progress", "escalated");
    private static readonly HashSet<string> SubscriptionEnded = Set("canceled", "cancelled", "unpaid", "incomplete_expired", "ended", "expired", "terminated");
    // Not requires_payment_method: a Stripe payment intent is in that state when it is created, before any attempt, and
    // again after a failed attempt, which its failed charge already records.
    private static readonly HashSet<string> PaymentFailedStatuses = Set("failed", "declined", "payment_failed", "error");

    /// <summary>Outcomes of a charge attempt (a card or debit payment); a receipt posted in a ledger has none of them.</summary>
    private static readonly HashSet<string> ChargeStatuses = Set("succeeded", "failed", "declined", "requires_payment_method", "payment_failed", "error", "requires_action", "requires_confirmation", "requires_capture", "processing");

    public static bool CountsTowardValue(string? status) => status is null || !NotCounted.Contains(status);

    public static bool InvoiceIsOpen(string? status) => status is null || !InvoiceClosed.Contains(status);

    public static bool SubscriptionIsActive(string? status) => status is not null && SubscriptionActive.Contains(status);

    public static bool OpportunityIsOpen(string? status) => status is null || !OpportunityClosed.Contains(status);

    public static bool TicketIsOpen(string? status) => status is not null && TicketOpen.Contains(status);

    public static bool SubscriptionHasEnded(string? status) => status is not null && SubscriptionEnded.Contains(status);

    public static bool PaymentFailed(string? status) => status is not null && PaymentFailedStatuses.Contains(status);

    public static bool PaymentIsCharge(string? status) => status is not null && ChargeStatuses.Contains(status);

    public static bool TicketIsEscalated(string? status) => string.Equals(status, "escalated", StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.OrdinalIgnoreCase);
}
