namespace Customer360Hub.Api.Security;

/// <summary>The caller roles the API knows. Locally each API key has one; Entra ID tokens carry them as app roles.</summary>
public static class Roles
{
    public const string Sales = "sales";
    public const string Support = "support";
    public const string Finance = "finance";
    public const string Success = "success";
    public const string Steward = "steward";
    public const string Privacy = "privacy";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Sales, Support, Finance, Success, Steward, Privacy, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
