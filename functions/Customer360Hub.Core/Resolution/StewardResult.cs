using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>The recorded decision and what re-evaluating the records did to profiles.</summary>
public sealed record StewardResult(StewardDecision Decision, IdentityOutcome Outcome);
