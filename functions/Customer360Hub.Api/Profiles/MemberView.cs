namespace Customer360Hub.Api.Profiles;

/// <summary>A source record of a profile.</summary>
public sealed record MemberView(string Source, string EntityType, string RecordId, DateTimeOffset LinkedAt, string Rule);
