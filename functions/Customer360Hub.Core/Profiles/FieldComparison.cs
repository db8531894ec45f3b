namespace Customer360Hub.Profiles;

/// <summary>One field of a pair comparison: the two normalised values, the level reached and its weight in bits.</summary>
public sealed record FieldComparison(string Field, string Level, double Weight, string? Value, string? OtherValue);
