namespace Customer360Hub.Api.Profiles;

/// <summary>Why a steward decision is revoked.</summary>
public sealed record RevokeRequest(string? Reason);
