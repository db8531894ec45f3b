namespace Customer360Hub.Scoring;

/// <summary>How the score moved since the snapshot of <see cref="Since"/>, in words.</summary>
public sealed record ScoreChange(DateOnly Since, int From, int To, int Delta, string Text);
