namespace Customer360Hub.Changes;

/// <summary>
/// The canonical kind of a source record: a party (person or organisation) or one of the
/// transaction types that hang off a party's timeline.
/// </summary>
public enum RecordKind
{
    Party,
    Order,
    Invoice,
    Payment,
    Subscription,
    Ticket,
    MarketingEvent,
    Interaction,
    Opportunity,
    Usage,
}
