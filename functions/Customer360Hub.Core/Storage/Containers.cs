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

    /// <summary>Timeline entries and the profile's aggregates; partition = profile id, entry ids sort by time.</summary>
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

    /// <summary>Profile versions with validity intervals (effective-dated reads); partition = profile id.</summary>
    public const string History = "history";

    /// <summary>Reference index: what points at a record key, email or phone; partition = the reference.</summary>
    public const string Refs = "refs";

    /// <summary>Household membership of profiles; partition = household id, id = profile id.</summary>
    public const string Households = "households";

    /// <summary>Hashed identifiers of erased people; partition = hash.</summary>
    public const string Suppression = "suppression";

    /// <summary>Daily health snapshots; partition = profile id, ids <c>d:yyyy-MM-dd</c>.</summary>
    public const string Health = "health";

    /// <summary>Alert de-duplication state; partition = profile id, one document per condition.</summary>
    public const string Alerts = "alerts";

    /// <summary>Portfolio lists (churn risk, expansion), daily summaries, co-occurrence rules and job runs; partition = the list or kind.</summary>
    public const string Portfolio = "portfolio";

    /// <summary>The API's lookup and search index (emails, phones, source ids, name tokens to profiles); partition = lookup key.</summary>
    public const string Lookup = "lookup";

    public static IReadOnlyList<string> All { get; } = [Profiles, Records, Identity, Timeline, Scores, Quarantine, Pending, Links, Stewardship, Reviews, History, Refs, Households, Suppression, Lookup, Health, Alerts, Portfolio];
}
