namespace Customer360Hub.Profiles;

/// <summary>
/// One email, phone or postal address of a profile, normalised (emails lower case, phones E.164,
/// addresses on one line), with the records that carry it. One per kind is primary.
/// </summary>
public sealed record ContactPoint(string Value, bool Primary, List<string> RecordKeys, DateTimeOffset ObservedAt);
