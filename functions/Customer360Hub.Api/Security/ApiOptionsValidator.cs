using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Security;

/// <summary>Refuses to start an API that nobody could call, or that anybody could.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0 && string.IsNullOrWhiteSpace(options.EntraId.Authority))
        {
            failures.Add("Api: configure Api:Keys or Api:EntraId:Authority; the API does not run without authentication.");
        }

        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"Api:Keys:{i}:Name is required.");
            }

            if (key.Key.Length < MinimumKeyLength)
            {
                failures.Add($"Api:Keys:{i}:Key must have at least {MinimumKeyLength} characters.");
            }

            if (!Roles.IsKnown(key.Role))
            {
                failures.Add($"Api:Keys:{i}:Role '{key.Role}' is not one of {string.Join(", ", Roles.All)}.");
            }
        }

        if (options.Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
        {
            failures.Add("Api:Keys: two keys have the same value.");
        }

        if (!string.IsNullOrWhiteSpace(options.EntraId.Authority))
        {
            if (!Uri.TryCreate(options.EntraId.Authority, UriKind.Absolute, out _))
            {
                failures.Add("Api:EntraId:Authority must be an absolute URL.");
            }

            if (options.EntraId.Audiences.Count == 0)
            {
                failures.Add("Api:EntraId:Audiences needs the API's application id URI or client id.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
