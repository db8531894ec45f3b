namespace Customer360Hub.Quality;

/// <summary>The portfolio's data quality: completeness, fill rate per golden field, freshness per source, quarantine per source and reason.</summary>
public sealed record QualityReport(
    DateTimeOffset GeneratedAt,
    int Profiles,
    double AverageCompleteness,
    Dictionary<string, double> FieldFillRates,
    Dictionary<string, SourceQuality> Sources,
    Dictionary<string, Dictionary<string, int>> Quarantine);
