using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.IntegrationTests.Support;

/// <summary><c>c360 run</c> over the fault world as a real child process, to be killed with SIGKILL.</summary>
internal sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _folder;

    private HubProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public static HubProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = CliProcess.StartInfo("run");
        foreach (var (name, value) in FaultWorld.Environment(settings))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var hub = new HubProcess(process, settings["Embedded:DataFolder"]!);
        process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    /// <summary>Source records the hub has committed so far, read from its store file beside it (SQLite allows a reader next to the writer).</summary>
    public static long CommittedRecords(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "store.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents WHERE container = 'records'";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // The table is created on the hub's first start.
            return 0;
        }
    }

    /// <summary>Waits until the hub has committed at least <paramref name="records"/> source records; returns how many it had then.</summary>
    public async Task<long> WaitForRecordsAsync(long records, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"c360 run exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{string.Join('\n', _output)}");
            var committed = CommittedRecords(_folder);
            if (committed >= records)
            {
                return committed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"c360 run did not commit {records} records within {timeout.TotalSeconds:0} s:\n{string.Join('\n', _output)}");
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever is in flight is cut off.</summary>
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
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }
}
