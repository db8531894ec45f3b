namespace Customer360Hub.Resolution;

/// <summary>Profile <paramref name="From"/> was merged into <paramref name="Into"/> (the older survives; From now redirects).</summary>
public sealed record ProfileMerge(string From, string Into);
