namespace Customer360Hub.Api.Scoping;

/// <summary>The roots of field paths: one per kind of scoped object the API returns.</summary>
public static class ScopeRoots
{
    /// <summary>A profile, and the profile summaries of search results.</summary>
    public const string Profile = "profile";

    /// <summary>One timeline item; its kind is the second segment.</summary>
    public const string TimelineItem = "timelineItem";
}
