namespace Customer360Hub.Api.Security;

/// <summary>Who is calling and in which role.</summary>
public sealed record Caller(string Name, string Role);
