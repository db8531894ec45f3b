using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Pipeline;

/// <summary>RFC 9457 problem responses used by every endpoint.</summary>
public static class Problems
{
    public static IResult Create(int status, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status, type: TypeOf(status), extensions: extensions);

    public static IResult From(ApiProblemException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Create(problem.Status, problem.Title, problem.Detail, problem.Extensions);
    }

    public static IResult Unauthorized(string? failure) =>
        Create(StatusCodes.Status401Unauthorized, "Authentication required.", failure ?? "Send an API key in the X-Api-Key header or an Entra ID token as Authorization: Bearer.");

    public static IResult Forbidden(IReadOnlyList<string> roles) =>
        Create(StatusCodes.Status403Forbidden, "Not allowed for this role.", roles.Count == 0
            ? "The caller has none of the API's roles."
            : $"The role(s) {string.Join(", ", roles)} may not use this operation.");

    /// <summary>The problem type URI for a status: the RFC 9110 section that defines it.</summary>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };
}
