using System.Net;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>A source API answered with an error the resilience pipeline did not recover from.</summary>
public sealed class SourceHttpException : HttpRequestException
{
    public SourceHttpException(string source, HttpStatusCode status, string body)
        : base($"{source} answered {(int)status} {status}: {Truncate(body)}", null, status)
    {
        Source = source;
    }

    public SourceHttpException()
    {
    }

    public SourceHttpException(string message)
        : base(message)
    {
    }

    public SourceHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public new string? Source { get; }

    public static async Task ThrowIfFailedAsync(string source, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new SourceHttpException(source, response.StatusCode, body);
        }
    }

    private static string Truncate(string body) => body.Length <= 500 ? body : body[..500] + "...";
}
