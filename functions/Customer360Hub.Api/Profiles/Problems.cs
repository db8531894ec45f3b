using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>RFC 9457 problem responses used by every endpoint.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1");

    public static IResult NotFound(string title) =>
        Results.Problem(title: title, statusCode: StatusCodes.Status404NotFound, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5");

    public static IResult Unauthorized() =>
        Results.Problem(title: "Authentication required.", detail: "Send a valid key in the X-Api-Key header.", statusCode: StatusCodes.Status401Unauthorized, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2");

    public static IResult Forbidden(string role) =>
        Results.Problem(title: "Not allowed for this role.", detail: $"The role '{role}' may not use this endpoint.", statusCode: StatusCodes.Status403Forbidden, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");
}
