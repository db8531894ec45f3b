namespace Customer360Hub.Resolution;

/// <summary>
/// What one identity change did to profiles: the ones it touched (to recompose and announce),
/// created, merged (from, into), split, or removed (no records left). Transactions and
/// timelines follow merges and splits from here.
/// </summary>
public sealed record IdentityOutcome
{
    public static IdentityOutcome None { get; } = new();

    public IReadOnlyCollection<string> Touched { get; init; } = [];
    public IReadOnlyList<string> Created { get; init; } = [];
    public IReadOnlyList<ProfileMerge> Merged { get; init; } = [];
    public IReadOnlyList<ProfileSplit> Split { get; init; } = [];
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Both outcomes together, as when one change leads to re-evaluating others.</summary>
    public IdentityOutcome Combine(IdentityOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new IdentityOutcome
        {
            Touched = Touched.Union(other.Touched, StringComparer.Ordinal).ToList(),
            Created = [.. Created, .. other.Created],
            Merged = [.. Merged, .. other.Merged],
            Split = [.. Split, .. other.Split],
            Removed = [.. Removed, .. other.Removed],
        };
    }
}
