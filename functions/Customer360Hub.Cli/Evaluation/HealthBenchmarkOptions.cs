namespace Customer360Hub.Cli.Evaluation;

/// <summary>The knobs of <see cref="HealthBenchmark"/>.</summary>
internal sealed record HealthBenchmarkOptions(int Customers, int Seed, string Folder, int Ticks, TimeSpan TickEvery, double ChangeRate, TimeSpan Timeout);
