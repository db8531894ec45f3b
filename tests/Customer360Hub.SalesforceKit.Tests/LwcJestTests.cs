using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Customer360Hub.SalesforceKit.Tests;

/// <summary>Installs the kit's npm packages (npm ci, from the committed lock file) and runs its Jest tests of the customer360Card LWC.</summary>
public sealed class LwcJestTests
{
    [Fact]
    public async Task Jest_Customer360Card_AllTestsPass()
    {
        await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], TimeSpan.FromMinutes(8));
        var report = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "c360-jest-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exitCode, output) = await RunAsync("node", ["node_modules/@salesforce/sfdx-lwc-jest/bin/sfdx-lwc-jest", "--", "--ci", "--json", "--outputFile=" + report], TimeSpan.FromMinutes(5), check: false);
            using var results = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
            var root = results.RootElement;
            Assert.True(exitCode == 0 && root.GetProperty("success").GetBoolean(), "Jest failed:\n" + output);
            Assert.Equal(0, root.GetProperty("numFailedTests").GetInt32());
            Assert.True(root.GetProperty("numPassedTests").GetInt32() >= 7, "Fewer Jest tests ran than the card has:\n" + output);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, TimeSpan timeout, bool check = true)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = KitFolder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        if (check && process.ExitCode != 0)
        {
            Assert.Fail($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }

        return (process.ExitCode, output.ToString());
    }
}
