using System.Diagnostics;

namespace Customer360Hub.Embedded.UnitTests.Support;

/// <summary>Starts the TestWorker as a real child process and reads what it reports.</summary>
internal sealed class TestWorkerProcess : IDisposable
{
    private readonly Process _process;

    private TestWorkerProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    public static TestWorkerProcess Start(params string[] args)
    {
        var workerDll = Path.Combine(AppContext.BaseDirectory.Replace("Customer360Hub.Embedded.UnitTests", "Customer360Hub.TestWorker", StringComparison.Ordinal), "Customer360Hub.TestWorker.dll");
        Assert.True(File.Exists(workerDll), $"The test worker was not built at {workerDll}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(workerDll);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        return new TestWorkerProcess(Process.Start(start)!);
    }

    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _process.StandardOutput.ReadLineAsync(cancel.Token);
    }

    /// <summary>SIGKILL on Linux: no cleanup code runs in the worker.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
