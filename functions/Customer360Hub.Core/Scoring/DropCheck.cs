using Customer360Hub.Profiles;

namespace Customer360Hub.Scoring;

/// <summary>
/// A drop of at least the threshold within the drop window: the highest score of the window, the
/// change against it in words, and the single record the drop hinges on, if the anomaly guard found one.
/// </summary>
public sealed record DropCheck(int From, DateOnly FromDay, ScoreChange Change, TimelineEntry? Hinge, int? ScoreWithoutHinge);
