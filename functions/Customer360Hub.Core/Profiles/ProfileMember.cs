namespace Customer360Hub.Profiles;

/// <summary>A source record that belongs to a profile, and the rule that linked it.</summary>
public sealed record ProfileMember(string RecordKey, DateTimeOffset LinkedAt, string Rule);
