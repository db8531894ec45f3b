namespace Customer360Hub.Api.UnitTests.Support;

/// <summary>The test API keys: one per role, plus a sales owner and a sales manager.</summary>
public static class Keys
{
    public const string Sales = "sales";
    public const string Support = "support";
    public const string Finance = "finance";
    public const string Success = "success";
    public const string Steward = "steward";
    public const string Privacy = "privacy";
    public const string Admin = "admin";
    public const string SalesOwner = "sales-owner";
    public const string SalesManager = "sales-manager";

    /// <summary>The owner field value of the sample profile; the sales-owner key's user id.</summary>
    public const string OwnerUser = "rep@contoso.example";

    private static readonly (string Name, string Role, bool Manager, string? User)[] All =
    [
        (Sales, "sales", false, "other.rep@contoso.example"), (Support, "support", false, null), (Finance, "finance", false, null),
        (Success, "success", false, null), (Steward, "steward", false, null), (Privacy, "privacy", false, null),
        (Admin, "admin", false, null), (SalesOwner, "sales", false, OwnerUser), (SalesManager, "sales", true, null),
    ];

    public static string Of(string name) => "test-key-" + name + "-0123456789";

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < All.Length; i++)
        {
            settings[$"Api:Keys:{i}:Name"] = All[i].Name;
            settings[$"Api:Keys:{i}:Key"] = Of(All[i].Name);
            settings[$"Api:Keys:{i}:Role"] = All[i].Role;
            settings[$"Api:Keys:{i}:Manager"] = All[i].Manager ? "true" : "false";
            settings[$"Api:Keys:{i}:UserId"] = All[i].User;
        }

        return settings;
    }
}
