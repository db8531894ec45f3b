using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>Stops the start with a message naming the setting when the health model is inconsistent.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.YellowFrom >= options.GreenFrom)
        {
            errors.Add($"Scoring:Health:YellowFrom ({options.YellowFrom}) must be below GreenFrom ({options.GreenFrom}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Segments.Count; i++)
        {
            var segment = options.Segments[i];
            var where = $"Scoring:Health:Segments:{i}";
            if (string.IsNullOrWhiteSpace(segment.Name) || !names.Add(segment.Name))
            {
                errors.Add($"{where}:Name must be set and unique.");
            }

            if (segment.PartyType is { Length: > 0 } type && type is not ("person" or "organization"))
            {
                errors.Add($"{where}:PartyType must be person or organization.");
            }

            foreach (var (factor, weight) in segment.Weights)
            {
                if (!HealthFactors.All.Contains(factor, StringComparer.Ordinal))
                {
                    errors.Add($"{where}:Weights:{factor} is not a factor ({string.Join(", ", HealthFactors.All)}).");
                }
                else if (weight < 0 || double.IsNaN(weight))
                {
                    errors.Add($"{where}:Weights:{factor} must not be negative.");
                }
            }

            if (segment.Weights.Values.Sum() <= 0)
            {
                errors.Add($"{where}:Weights must give at least one factor a positive weight.");
            }
        }

        foreach (var (metric, curve) in options.Curves)
        {
            if (!HealthMetrics.FactorOf.ContainsKey(metric))
            {
                errors.Add($"Scoring:Health:Curves:{metric} is not a metric ({string.Join(", ", HealthMetrics.FactorOf.Keys)}).");
                continue;
            }

            if (curve.Count < 2 || curve.Zip(curve.Skip(1)).Any(p => p.Second.Value <= p.First.Value) || curve.Any(p => p.Score is < 0 or > 1))
            {
                errors.Add($"Scoring:Health:Curves:{metric} needs at least two points with increasing values and scores from 0 to 1.");
            }
        }

        var bands = options.ChurnProbability;
        if (bands.Count > 0 && (bands.Zip(bands.Skip(1)).Any(p => p.Second.UpTo <= p.First.UpTo) || bands[^1].UpTo < 100 || bands.Any(b => b.Probability is < 0 or > 1)))
        {
            errors.Add("Scoring:Health:ChurnProbability needs rows with increasing UpTo, the last at 100, and probabilities from 0 to 1.");
        }

        foreach (var (currency, rate) in options.ExchangeRates)
        {
            if (rate <= 0 || currency.Length != 3)
            {
                errors.Add($"Scoring:Health:ExchangeRates:{currency} must be a positive rate for a three-letter currency.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
