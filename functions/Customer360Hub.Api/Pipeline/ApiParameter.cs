namespace Customer360Hub.Api.Pipeline;

/// <summary>A declared parameter of an operation: for the OpenAPI document, and to refuse undeclared query parameters.</summary>
public sealed record ApiParameter(
    string Name,
    string In,
    string Description,
    bool Required = false,
    string Type = "string",
    string? Format = null,
    int? Minimum = null,
    int? Maximum = null,
    int? MaxLength = null,
    string? Example = null)
{
    public static ApiParameter Path(string name, string description, string? example = null) => new(name, "path", description, Required: true, Example: example);

    public static ApiParameter Query(string name, string description, string type = "string", string? format = null, int? minimum = null, int? maximum = null, int? maxLength = null) =>
        new(name, "query", description, Type: type, Format: format, Minimum: minimum, Maximum: maximum, MaxLength: maxLength);
}
