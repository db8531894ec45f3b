using System.CommandLine;
using Customer360Hub.Api.Pipeline;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 openapi</c>: writes the API's OpenAPI 3.0 document (the one served at /api/v1/openapi.json).</summary>
internal static class OpenApiCommand
{
    private static readonly Option<FileInfo?> OutOption = new("--out")
    {
        Description = "Write to this file instead of standard output (docs/openapi.json in the repository).",
    };

    public static Command Create()
    {
        var command = new Command("openapi", "Print the API's OpenAPI 3.0 document, e.g. to import into Salesforce External Services.");
        command.Options.Add(OutOption);
        command.SetAction(async (result, cancellationToken) =>
        {
            var document = new ApiOperations().OpenApiDocument;
            if (result.GetValue(OutOption) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, document, cancellationToken).ConfigureAwait(false);
                return 0;
            }

            await result.InvocationConfiguration.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(document)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
