namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Product usage of one scored customer over the ten days ending at <see cref="OccurredAt"/>, as
/// a product's usage export has it: the customer is named by a record key of one of its party
/// records in another system (<see cref="CustomerRef"/>).
/// </summary>
public sealed record UsageRecord(string RecordId, string CustomerId, string CustomerRef, DateTimeOffset OccurredAt, decimal Quantity);
