namespace Customer360Hub.Api.Lookup;

/// <summary>The lookup rows written for one profile, so the next change (or removal) can take them out again.</summary>
public sealed record LookupState(IReadOnlyList<LookupRow> Rows);
