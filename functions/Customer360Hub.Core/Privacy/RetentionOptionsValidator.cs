using Microsoft.Extensions.Options;

namespace Customer360Hub.Privacy;

/// <summary>Every retention period must be positive.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Transactions.Where(t => t.Value <= TimeSpan.Zero).Select(t => $"Profiles:Retention:Transactions:{t.Key} must be positive.").ToList();
        if (options.History is { } history && history <= TimeSpan.Zero)
        {
            failures.Add("Profiles:Retention:History must be positive.");
        }

        if (options.Quarantine is { } quarantine && quarantine <= TimeSpan.Zero)
        {
            failures.Add("Profiles:Retention:Quarantine must be positive.");
        }

        if (options.PurgeInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Profiles:Retention:PurgeInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
