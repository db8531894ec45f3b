using Customer360Hub.Profiles;

namespace Customer360Hub.Matching;

/// <summary>The outcome of scoring a pair: the decision, the score in bits, every field compared and the rules that fired.</summary>
public sealed record PairEvidence(LinkDecision Decision, double Score, IReadOnlyList<FieldComparison> Comparisons, IReadOnlyList<string> Rules);
