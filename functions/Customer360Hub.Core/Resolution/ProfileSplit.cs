namespace Customer360Hub.Resolution;

/// <summary>The records of profile <paramref name="From"/> now sit in several profiles (From itself among them when it survived).</summary>
public sealed record ProfileSplit(string From, IReadOnlyList<string> Into);
