using Customer360Hub.Changes;

namespace Customer360Hub.Connectors.Mapping;

/// <summary>
/// How one source entity maps to the canonical model. A field expression is a JSON path
/// (<c>address.city</c>, <c>emails[0].value</c>), a template (<c>{first_name} {last_name}</c>)
/// or a constant (<c>=person</c>).
/// </summary>
public sealed record EntityMapping
{
    public required RecordKind Kind { get; init; }

    /// <summary>Canonical attribute name to field expression.</summary>
    public Dictionary<string, string> Fields { get; init; } = [];

    /// <summary>For transactions: expression for the customer reference (a record key or <c>email:...</c>).</summary>
    public string? CustomerRef { get; init; }
}
