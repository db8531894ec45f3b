using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>A Node.js emulator on a free loopback port, stopped (with its children) on dispose.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts <paramref name="script"/> (relative to node_modules) with the arguments for <paramref name="port"/> and waits until it listens.</summary>
    public static async Task<EmulatorProcess> StartAsync(string script, Func<int, string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var modules = await EmulatorPackages.EnsureInstalledAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("node", $"\"{Path.Combine(modules, script)}\" {arguments(port)}")
        {
            WorkingDirectory = EmulatorPackages.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; Node.js 20+ must be on PATH.");
        var emulator = new EmulatorProcess(process, port);
        process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await emulator.WaitUntilListeningAsync(script);
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(string script)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await DisposeAsync();
        lock (_log)
        {
            throw new InvalidOperationException($"{script} did not start listening on port {Port}:\n{_log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
