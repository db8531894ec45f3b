namespace Customer360Hub.Sandbox.World;

/// <summary>
/// A group of customers generated together: a consumer, a household or a company with its
/// contacts. Units are numbered from 0; every unit is generated from the seed and its number
/// alone, so any unit can be produced without the others.
/// </summary>
public sealed record WorldUnit(int Index, UnitKind Kind, IReadOnlyList<TrueCustomer> Customers)
{
    /// <summary>The organisation of a company unit.</summary>
    public TrueCustomer? Organization => Kind == UnitKind.Company ? Customers[0] : null;

    /// <summary>The people of the unit (a company's contacts, a household's members).</summary>
    public IEnumerable<TrueCustomer> People => Customers.Where(c => c.Type == CustomerType.Person);
}
