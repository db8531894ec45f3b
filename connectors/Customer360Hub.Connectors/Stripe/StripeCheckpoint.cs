namespace Customer360Hub.Connectors.Stripe;

/// <summary>Where a Stripe entity sync stands: listing (and after which id), or walking events (after which event).</summary>
internal sealed record StripeCheckpoint(string Phase, string EventCursor, string? After)
{
    public const string Start = "start";
    public const string Listing = "list";
    public const string Events = "events";

    public static StripeCheckpoint Parse(string? value)
    {
        if (value is null)
        {
            return new StripeCheckpoint(Start, string.Empty, null);
        }

        var parts = value.Split('|');
        return parts.Length == 3 && parts[0] is Listing or Events
            ? new StripeCheckpoint(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2])
            : throw new FormatException($"'{value}' is not a Stripe checkpoint.");
    }

    public override string ToString() => string.Join('|', Phase, EventCursor, After ?? string.Empty);
}
