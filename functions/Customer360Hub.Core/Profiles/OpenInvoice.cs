namespace Customer360Hub.Profiles;

/// <summary>An invoice still owed, as the aggregates keep it: overdue status is derived from <see cref="DueOn"/> at read time.</summary>
public sealed record OpenInvoice(decimal Balance, string Currency, DateOnly? DueOn);
