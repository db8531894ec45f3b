namespace Customer360Hub.Matching;

/// <summary>
/// The comparison vector of two records: per field (<see cref="MatchField.All"/> order) the level
/// reached, or -1 when either side has no value, with the values compared.
/// </summary>
public sealed class PairComparison
{
    internal PairComparison(int fieldCount)
    {
        Levels = new int[fieldCount];
        Values = new string?[fieldCount];
        OtherValues = new string?[fieldCount];
    }

    public int[] Levels { get; }

    internal void Reset()
    {
        Array.Fill(Levels, -1);
        Array.Clear(Values);
        Array.Clear(OtherValues);
        NamesSwapped = PersonConflict = GenerationOneSided = DifferentPartyTypes = NamesOnly = IsOrganizationPair = false;
    }

    public string?[] Values { get; }

    public string?[] OtherValues { get; }

    /// <summary>True when the given and family names agree only crosswise (one record has them swapped).</summary>
    public bool NamesSwapped { get; internal set; }

    /// <summary>Both are people and the person-level fields say they are different people (given name, national id, generation, or years of birth a generation apart).</summary>
    public bool PersonConflict { get; internal set; }

    /// <summary>Two people, and only one record carries a generation (Jr, Sr, III): the other may be the parent or the child of the same name.</summary>
    public bool GenerationOneSided { get; internal set; }

    /// <summary>A person compared with an organisation.</summary>
    public bool DifferentPartyTypes { get; internal set; }

    /// <summary>Nothing but the names agrees: namesakes are too common for that to link.</summary>
    public bool NamesOnly { get; internal set; }

    /// <summary>Two organisations (they have no households).</summary>
    public bool IsOrganizationPair { get; internal set; }
}
