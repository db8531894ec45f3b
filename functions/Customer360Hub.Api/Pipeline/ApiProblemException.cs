namespace Customer360Hub.Api.Pipeline;

/// <summary>Thrown by handlers for a request that cannot be answered; the pipeline turns it into an RFC 9457 problem.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null, Exception? innerException = null)
        : base(title, innerException)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Extensions = extensions;
    }

    public ApiProblemException()
        : this(500, "The request failed.")
    {
    }

    public ApiProblemException(string message)
        : this(500, message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Title = message;
    }

    public int Status { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public static ApiProblemException BadRequest(string title, string detail) => new(400, title, detail);

    public static ApiProblemException NotFound(string title) => new(404, title);

    public static ApiProblemException MalformedProfileId() =>
        BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 lower-case hexadecimal digits.");
}
