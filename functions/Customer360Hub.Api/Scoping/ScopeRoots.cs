namespace Customer360Hub.Api.Scoping;

/// <summary>The roots of field paths: one per kind of scoped object the API returns.</summary>
public static class ScopeRoots
{
    /// <summary>A profile, and the profile summaries of search results.</summary>
    public const string Profile = "profile";

    /// <summary>One timeline item; its kind is the second segment.</summary>
    public const string TimelineItem = "timelineItem";

    /// <summary>An account (an organisation's profile with its contacts): a path here without a rule of its own follows the same path under <see cref="Profile"/>.</summary>
    public const string Account = "account";

    /// <summary>A household with its members.</summary>
    public const string Household = "household";

    /// <summary>The portfolio data-quality report.</summary>
    public const string QualityReport = "qualityReport";

    /// <summary>Why a profile's records belong together (identity evidence).</summary>
    public const string Explanation = "explanation";

    /// <summary>The report of an erasure.</summary>
    public const string Erasure = "erasure";
}
