namespace Customer360Hub.Sandbox.World;

/// <summary>How the customers of one unit of the world belong together.</summary>
public enum UnitKind
{
    /// <summary>One person on their own.</summary>
    Consumer,

    /// <summary>Two to four people sharing a home address and landline.</summary>
    Household,

    /// <summary>An organisation and the people who work there.</summary>
    Company,
}
