using Customer360Hub.Api.Security;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Scoping;

/// <summary>Fails start-up on a policy that names unknown groups or roles, or that has too many groups.</summary>
internal sealed class ScopingOptionsValidator : IValidateOptions<ScopingOptions>
{
    private const int MaxGroups = 64;

    public ValidateOptionsResult Validate(string? name, ScopingOptions options)
    {
        var failures = new List<string>();
        if (options.Groups.Count > MaxGroups)
        {
            failures.Add($"Api:Scoping:Groups: at most {MaxGroups} groups.");
        }

        foreach (var (role, groups) in options.Roles)
        {
            if (!Roles.IsKnown(role))
            {
                failures.Add($"Api:Scoping:Roles: '{role}' is not one of {string.Join(", ", Roles.All)}.");
            }

            failures.AddRange(FieldScopePolicy.SplitGroups(groups)
                .Where(g => !options.Groups.ContainsKey(g))
                .Select(g => $"Api:Scoping:Roles:{role}: unknown group '{g}'."));
        }

        foreach (var (path, group) in options.Fields)
        {
            if (!options.Groups.ContainsKey(group))
            {
                failures.Add($"Api:Scoping:Fields:{path}: unknown group '{group}'.");
            }

            var segments = path.Split('.');
            if (segments.Length < 2 || segments.Any(s => s.Length == 0) || segments[0] == "*")
            {
                failures.Add($"Api:Scoping:Fields: '{path}' is not a field path such as profile.fields.email.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
