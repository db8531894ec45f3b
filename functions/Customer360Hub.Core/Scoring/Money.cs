namespace Customer360Hub.Scoring;

/// <summary>Per-currency amounts in the reporting currency, with the configured exchange rates.</summary>
public static class Money
{
    /// <summary>
    /// The total in the reporting currency. Amounts in a currency without a rate are left out; when
    /// every amount is in one such currency, the total stays in that currency.
    /// </summary>
    public static (decimal Amount, string Currency) ToReporting(IReadOnlyDictionary<string, decimal> amounts, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(options);
        var reporting = options.ReportingCurrency;
        decimal total = 0;
        var converted = 0;
        foreach (var (currency, amount) in amounts)
        {
            if (string.Equals(currency, reporting, StringComparison.OrdinalIgnoreCase))
            {
                total += amount;
                converted++;
            }
            else if (options.ExchangeRates.TryGetValue(currency, out var rate))
            {
                total += amount * rate;
                converted++;
            }
        }

        if (converted == 0 && amounts.Count == 1)
        {
            var only = amounts.First();
            return (only.Value, only.Key);
        }

        return (Math.Round(total, 2), reporting);
    }
}
