using System.CommandLine;
using Customer360Hub.Cli.Commands;
using Customer360Hub.Embedded;

var root = new RootCommand("c360: the Customer360Hub command line. With no verb it runs the hub.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ResolveCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(EraseCommand.Create());
root.Subcommands.Add(DlqCommand.Create());
root.Subcommands.Add(SandboxCommand.Create());
root.Subcommands.Add(OpenApiCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ConnectorsCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
RunCommand.AddOptions(root);
root.SetAction((result, cancellationToken) => RunCommand.RunAsync(result, cancellationToken));

try
{
    // The host handles Ctrl+C and SIGTERM itself and stops gracefully.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
catch (DataFolderUnavailableException ex)
{
    await Console.Error.WriteLineAsync("c360: " + ex.Message);
    return 2;
}
