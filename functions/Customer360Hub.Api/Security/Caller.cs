namespace Customer360Hub.Api.Security;

/// <summary>
/// Who is calling: a stable name for the audit trail, the caller's roles, whether the caller is a
/// manager, and the caller's user id (compared with a profile's owner for owner-only field groups).
/// </summary>
public sealed record Caller(string Name, IReadOnlyList<string> Roles, bool IsManager = false, string? UserId = null);
