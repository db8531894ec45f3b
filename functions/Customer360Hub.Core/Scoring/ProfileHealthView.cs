using Customer360Hub.Profiles;

namespace Customer360Hub.Scoring;

/// <summary>
/// A profile's health as the API shows it: the current score with its factor contributions, the
/// change in words, the signals with their next steps, and the daily history. A contact's health
/// is its account's (<see cref="ScoredProfileId"/>).
/// </summary>
public sealed record ProfileHealthView
{
    /// <summary>The profile asked for (the survivor, when the id asked for was merged away).</summary>
    public required string ProfileId { get; init; }

    /// <summary>The profile the score belongs to: the profile itself, or a contact's account.</summary>
    public required string ScoredProfileId { get; init; }

    /// <summary>Null until the scorer has scored the profile.</summary>
    public ProfileScore? Score { get; init; }

    /// <summary>Oldest day first.</summary>
    public List<HealthPoint> History { get; init; } = [];
}
