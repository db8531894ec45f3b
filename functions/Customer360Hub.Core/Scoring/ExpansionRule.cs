namespace Customer360Hub.Scoring;

/// <summary>
/// A co-occurrence rule of one segment: of the <see cref="Holders"/> customers holding
/// <see cref="If"/>, <see cref="Together"/> also hold <see cref="Then"/> (<see cref="Confidence"/> = Together / Holders).
/// </summary>
public sealed record ExpansionRule(string If, string Then, int Holders, int Together, double Confidence);
