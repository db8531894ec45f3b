namespace Customer360Hub.Sandbox.World;

/// <summary>A customer of the world (the ground truth every source's records derive from).</summary>
public sealed record Person(int Number, string GivenName, string FamilyName, string Email, string Phone, string City, string Country);
