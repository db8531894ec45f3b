using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;

namespace Customer360Hub.Api.UnitTests.OpenApi;

public sealed class OpenApiDocumentBuilderTests
{
    [Fact]
    public async Task ServedDocument_EqualsTheCheckedInCopy()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client();
        var served = await client.GetStringAsync(new Uri("openapi.json", UriKind.Relative));
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json"));

        Assert.True(
            served == checkedIn,
            "docs/openapi.json is out of date: run `dotnet run --project functions/Customer360Hub.Cli -- openapi --out docs/openapi.json`.");
    }

    [Fact]
    public void Document_IsOpenApi30WithResolvableReferencesAndNoJsonSchema2020Types()
    {
        using var document = JsonDocument.Parse(new Api.Pipeline.ApiOperations().OpenApiDocument);
        var root = document.RootElement;
        Assert.Equal("3.0.3", root.GetProperty("openapi").GetString());
        var schemas = root.GetProperty("components").GetProperty("schemas");

        var operationIds = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operationIds.Add(operation.Value.GetProperty("operationId").GetString()!);
                Assert.True(operation.Value.GetProperty("responses").EnumerateObject().Any(), path.Name);
            }
        }

        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
        Walk(root, node =>
        {
            if (node.TryGetProperty("$ref", out var reference))
            {
                Assert.True(schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out _), reference.GetString());
            }

            if (node.TryGetProperty("type", out var type))
            {
                Assert.Equal(JsonValueKind.String, type.ValueKind);
            }
        });
    }

    private static void Walk(JsonElement element, Action<JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            visit(element);
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name != "properties")
                {
                    Walk(property.Value, visit);
                    continue;
                }

                foreach (var schema in property.Value.EnumerateObject())
                {
                    Walk(schema.Value, visit);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, visit);
            }
        }
    }
}
