namespace Customer360Hub.Profiles;

/// <summary>Which engine versions built a profile, so consumers can tell preliminary results from final ones.</summary>
public sealed record EngineInfo(string Identity, string Survivorship, string Note);
