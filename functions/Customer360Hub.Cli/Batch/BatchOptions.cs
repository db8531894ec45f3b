namespace Customer360Hub.Cli.Batch;

/// <summary>What <c>c360 resolve</c> was asked to do.</summary>
internal sealed record BatchOptions
{
    /// <summary>Source name and file, in the order given.</summary>
    public required IReadOnlyList<(string Name, string Path)> Sources { get; init; }

    public required string OutputPath { get; init; }

    public string? ExplainPath { get; init; }

    public required ColumnMapping Mapping { get; init; }

    public string? DefaultCountry { get; init; }

    public double? LinkThreshold { get; init; }

    public double? ReviewThreshold { get; init; }

    /// <summary>A saved model to use instead of estimating one from the input.</summary>
    public string? ModelPath { get; init; }

    public string? SaveModelPath { get; init; }

    /// <summary>False: use the built-in default parameters instead of estimating them from the input.</summary>
    public bool Train { get; init; } = true;

    public int? MaxBlockSize { get; init; }
}
