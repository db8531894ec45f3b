namespace Customer360Hub.Matching;

/// <summary>A compared field and the names of its comparison levels, best first; the last level is "different".</summary>
public sealed record MatchField(string Name, IReadOnlyList<string> Levels, bool ContactPoint)
{
    public static MatchField GivenName { get; } = new("given_name", ["exact", "nickname", "similar", "initial-or-weak", "different"], false);
    public static MatchField FamilyName { get; } = new("family_name", ["exact", "similar", "weak", "different"], false);
    public static MatchField BirthDate { get; } = new("date_of_birth", ["exact", "typo-or-swap", "same-year", "different", "generation-apart"], false);
    public static MatchField NationalId { get; } = new("national_id", ["exact", "one-edit", "different"], false);
    public static MatchField Email { get; } = new("email", ["exact", "near", "different"], true);
    public static MatchField Phone { get; } = new("phone", ["exact", "near", "different"], true);
    public static MatchField Address { get; } = new("address", ["exact", "similar", "same-street", "different"], true);
    public static MatchField City { get; } = new("city", ["exact", "similar", "different"], true);
    public static MatchField Postcode { get; } = new("postcode", ["exact", "near", "different"], true);
    public static MatchField Region { get; } = new("region", ["exact", "different"], true);
    public static MatchField Company { get; } = new("company", ["exact", "similar", "same-email-domain", "different"], false);

    /// <summary>Every field in scoring order; a model has m and u probabilities for each level of each.</summary>
    public static IReadOnlyList<MatchField> All { get; } = [GivenName, FamilyName, BirthDate, NationalId, Email, Phone, Address, City, Postcode, Region, Company];

    public int Index => IndexOf(Name);

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
