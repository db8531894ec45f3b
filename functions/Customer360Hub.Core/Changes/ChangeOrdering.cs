namespace Customer360Hub.Changes;

/// <summary>
/// Orders versions of one source record by the source's own clock, never by arrival:
/// modification time first, then the source version (numerically when both are numbers).
/// </summary>
public static class ChangeOrdering
{
    /// <summary>Negative when (aTime, aVersion) is older than (bTime, bVersion).</summary>
    public static int Compare(DateTimeOffset aTime, string aVersion, DateTimeOffset bTime, string bVersion)
    {
        var byTime = aTime.UtcTicks.CompareTo(bTime.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        if (long.TryParse(aVersion, out var a) && long.TryParse(bVersion, out var b))
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(aVersion, bVersion);
    }
}
