using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Security;

namespace Customer360Hub.Api.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.0 document from the operation catalog and the response types, so it cannot
/// drift from the code. 3.0 rather than 3.1 because Salesforce External Services reads 3.0; response
/// properties are never marked required, since scoping leaves out what a role may not see.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public const string Version = "1.0.0";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(ApiOperations operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var schemas = new JsonObject { ["ProblemDetails"] = ProblemSchema() };
        var paths = new JsonObject();
        foreach (var group in operations.All.GroupBy(o => o.Route))
        {
            var item = new JsonObject();
            foreach (var operation in group)
            {
                item[operation.Method.ToLowerInvariant()] = Operation(operation, schemas);
            }

            paths[group.Key] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Customer360Hub API",
                ["version"] = Version,
                ["description"] = "Role-scoped 360 customer profiles. Every response carries only the fields the caller's role may see; " +
                    "every read and change is audited. Errors are RFC 9457 problem details. Authenticate with an Entra ID bearer token (Azure) or an X-Api-Key header (local).",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(schemas),
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT", ["description"] = "Microsoft Entra ID access token with app roles." },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = CallerAuthenticator.ApiKeyHeader, ["description"] = "A local API key." },
                },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }

    private static JsonObject Operation(ApiOperation operation, JsonObject schemas)
    {
        var responses = new JsonObject();
        foreach (var status in operation.Statuses.Order())
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(status, operation, schemas);
        }

        var result = new JsonObject
        {
            ["operationId"] = operation.Id,
            ["tags"] = new JsonArray(operation.Tag),
            ["summary"] = operation.Summary,
            ["description"] = operation.Anonymous ? "No credentials needed." : "Roles: " + string.Join(", ", operation.Roles) + ".",
            ["parameters"] = new JsonArray([.. operation.Parameters.Select(Parameter)]),
            ["responses"] = responses,
        };
        if (operation.RequestType is { } body)
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = !operation.RequestOptional,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + AddSchema(body, schemas) } },
                },
            };
        }

        result["security"] = operation.Anonymous
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["apiKey"] = new JsonArray() });
        return result;
    }

    private static JsonObject Response(int status, ApiOperation operation, JsonObject schemas)
    {
        JsonObject Body(string schema) => new()
        {
            [schema == "ProblemDetails" ? "application/problem+json" : "application/json"] = new JsonObject
            {
                ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schema },
            },
        };

        return status switch
        {
            200 when operation.ResponseType is { } type => new JsonObject { ["description"] = "OK", ["content"] = Body(AddSchema(type, schemas)) },
            200 => new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } } },
            304 => new JsonObject { ["description"] = "Not modified: the If-None-Match ETag is current." },
            308 => new JsonObject { ["description"] = "The profile was merged: Location names the surviving profile." },
            _ => new JsonObject { ["description"] = Describe(status), ["content"] = Body("ProblemDetails") },
        };
    }

    private static string Describe(int status) => status switch
    {
        400 => "The request is malformed (problem details say what to fix).",
        401 => "No valid credentials.",
        403 => "The caller's role may not do this.",
        404 => "Not found (the problem says what).",
        409 => "Several profiles match; the problem lists their ids.",
        413 => "The request body is too large.",
        415 => "The request body is not JSON.",
        _ => "Error.",
    };

    private static string AddSchema(Type type, JsonObject schemas)
    {
        var name = type.Name;
        if (!schemas.ContainsKey(name))
        {
            var typeInfo = (JsonTypeInfo)ApiJsonContext.Default.GetTypeInfo(type)!;
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            schemas[name] = ToOpenApi30(Inline(schema, schema.DeepClone()));
        }

        return name;
    }

    private static JsonObject Parameter(ApiParameter parameter)
    {
        var schema = new JsonObject { ["type"] = parameter.Type };
        if (parameter.Format is not null)
        {
            schema["format"] = parameter.Format;
        }

        if (parameter.Minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (parameter.Maximum is { } max)
        {
            schema["maximum"] = max;
        }

        if (parameter.MaxLength is { } length)
        {
            schema["maxLength"] = length;
        }

        var result = new JsonObject
        {
            ["name"] = parameter.Name,
            ["in"] = parameter.In,
            ["description"] = parameter.Description,
            ["required"] = parameter.Required,
            ["schema"] = schema,
        };
        if (parameter.Example is not null)
        {
            result["example"] = parameter.Example;
        }

        return result;
    }

    /// <summary>
    /// Replaces the exporter's references into its own document (a type used twice, such as the
    /// contact point of emails and phones, is a <c>$ref</c> to its first place) with a copy of
    /// what they point at, since an OpenAPI component cannot be addressed from outside that way.
    /// </summary>
    private static JsonNode Inline(JsonNode node, JsonNode pristine)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', ..] pointer)
            {
                var target = pointer.Split('/').Skip(1).Aggregate((JsonNode?)pristine, (current, segment) => current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
                    ?? throw new InvalidOperationException($"The schema reference '{pointer}' points nowhere.");
                return Inline(target.DeepClone(), pristine);
            }

            foreach (var (key, child) in obj.ToList())
            {
                if (child is not null && Inline(child, pristine) is var inlined && !ReferenceEquals(inlined, child))
                {
                    obj[key] = inlined;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child && Inline(child, pristine) is var inlined && !ReferenceEquals(inlined, child))
                {
                    array[i] = inlined;
                }
            }
        }

        return node;
    }

    /// <summary>JSON Schema (as System.Text.Json exports it) to the OpenAPI 3.0 dialect: nullable instead of type arrays, no required lists.</summary>
    private static JsonNode ToOpenApi30(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("$schema");
            obj.Remove("required");
            if (obj["type"] is JsonArray types)
            {
                var names = types.Select(t => t!.GetValue<string>()).ToList();
                // Web defaults also read numbers from strings; the API always writes numbers.
                var nonNull = names.Where(t => t != "null").ToList();
                var numeric = nonNull.FirstOrDefault(t => t is "integer" or "number");
                obj["type"] = numeric ?? nonNull.FirstOrDefault() ?? "string";
                if (numeric is not null)
                {
                    obj.Remove("pattern");
                }
                if (names.Contains("null"))
                {
                    obj["nullable"] = true;
                }
            }

            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    ToOpenApi30(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    ToOpenApi30(child);
                }
            }
        }

        return node;
    }

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details.",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["correlationId"] = new JsonObject { ["type"] = "string" },
            ["profileIds"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        },
    };

    private static JsonObject Sorted(JsonObject schemas)
    {
        var sorted = new JsonObject();
        foreach (var name in schemas.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var value = schemas[name];
            schemas.Remove(name);
            sorted[name] = value;
        }

        return sorted;
    }
}
