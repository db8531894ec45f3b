namespace Customer360Hub.Storage;

/// <summary>The store's containers (Cosmos DB container names; SQLite tables).</summary>
public static class Containers
{
    /// <summary>Golden profiles and redirects of merged ids; partition = profile id.</summary>
    public const string Profiles = "profiles";

    /// <summary>Latest known version of every source record; partition = record key.</summary>
    public const string Records = "records";

    /// <summary>Identity index: match key to record; partition = match key.</summary>
    public const string Identity = "identity";

    /// <summary>Timeline entries; partition = profile id, id sorts by time.</summary>
    public const string Timeline = "timeline";

    /// <summary>Health scores and signals; partition = profile id.</summary>
    public const string Scores = "scores";

    /// <summary>Records that could not be accepted, with the reason; partition = source.</summary>
    public const string Quarantine = "quarantine";

    /// <summary>Transactions waiting for their customer; partition = customer reference.</summary>
    public const string Pending = "pending";

    /// <summary>Relations between party records with their evidence; partition = record key.</summary>
    public const string Links = "links";

    /// <summary>Audited steward decisions (never-match, force-match, merge, split); partition = decision id.</summary>
    public const string Stewardship = "stewardship";

    /// <summary>Possible matches waiting for a steward; partition = the record pair.</summary>
    public const string Reviews = "reviews";

    /// <summary>Household membership of profiles; partition = household id.</summary>
    public const string Households = "households";

    public static IReadOnlyList<string> All { get; } = [Profiles, Records, Identity, Timeline, Scores, Quarantine, Pending, Links, Stewardship, Reviews, Households];
}
