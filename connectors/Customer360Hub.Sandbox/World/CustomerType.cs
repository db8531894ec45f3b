namespace Customer360Hub.Sandbox.World;

/// <summary>What a true customer of the world is.</summary>
public enum CustomerType
{
    Person,
    Organization,
}
