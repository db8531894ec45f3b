namespace Customer360Hub.Azure.Hosting;

/// <summary>Where the hub's traces and metrics go in Azure.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The Functions platform's own setting; with local auth disabled on Application Insights it only names the resource.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}
