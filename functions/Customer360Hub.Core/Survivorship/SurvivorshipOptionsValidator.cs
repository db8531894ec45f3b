using Microsoft.Extensions.Options;

namespace Customer360Hub.Survivorship;

/// <summary>Rejects at start a configuration that could not be applied: a field in two groups, a group without fields, blank names.</summary>
public sealed class SurvivorshipOptionsValidator : IValidateOptions<SurvivorshipOptions>
{
    public ValidateOptionsResult Validate(string? name, SurvivorshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (groupName, group) in options.EffectiveGroups())
        {
            if (group.Fields.Count == 0)
            {
                failures.Add($"Profiles:Survivorship:Groups:{groupName} has no Fields.");
            }

            foreach (var field in group.Fields)
            {
                if (string.IsNullOrWhiteSpace(field))
                {
                    failures.Add($"Profiles:Survivorship:Groups:{groupName} has a blank field name.");
                }
                else if (!owner.TryAdd(field, groupName))
                {
                    failures.Add($"The field '{field}' is in two survivorship groups: '{owner[field]}' and '{groupName}'.");
                }
            }

            if (group.SourcePriority.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Profiles:Survivorship:Groups:{groupName}:SourcePriority has a blank source.");
            }

            if (group.Rules.Distinct().Count() != group.Rules.Count)
            {
                failures.Add($"Profiles:Survivorship:Groups:{groupName}:Rules lists a rule twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
