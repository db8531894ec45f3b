using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>The recomposed profile (null when it no longer exists or was merged away) and other profiles whose timelines changed on the way.</summary>
public sealed record ComposeResult(GoldenProfile? Profile, IReadOnlyCollection<string> Relinked);
