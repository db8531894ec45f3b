using System.Diagnostics;
using System.Security.Cryptography;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>
/// Installs the local stand-ins for Azure services (tests/emulators/package.json) with <c>npm ci</c>,
/// once per lock file: a marker holding the lock file's hash skips the install on later runs.
/// </summary>
internal static class EmulatorPackages
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public static string Folder { get; } = RepoPaths.Of("tests", "emulators");

    /// <summary>The installed <c>node_modules</c> folder.</summary>
    public static Task<string> EnsureInstalledAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        var modules = Path.Combine(Folder, "node_modules");
        var marker = Path.Combine(modules, ".c360-lock-hash");
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, "package-lock.json"))));
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == hash)
        {
            return modules;
        }

        var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund --ignore-scripts --loglevel=error")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm could not be started; Node.js 20+ must be on PATH.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        await File.WriteAllTextAsync(marker, hash);
        return modules;
    }
}
