using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

// A child process for crash and contention tests. It does real work, reports it on stdout,
// then hangs until the test kills it.
//   lease <bus.db> <lock-duration-ms>   lease one message from source-changes/resolver
//   lock <file.db>                      hold an exclusive SQLite lock on the file
switch (args)
{
    case ["lease", var path, var lockMs]:
        var options = Options.Create(new SqliteBusOptions { LockDuration = TimeSpan.FromMilliseconds(int.Parse(lockMs, System.Globalization.CultureInfo.InvariantCulture)) });
        using (var bus = new SqliteChangeBus(path, options, TimeProvider.System))
        {
            while (true)
            {
                var leased = await bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1);
                if (leased.Count == 1)
                {
                    Report("LEASED " + leased[0].MessageId);
                    await Task.Delay(Timeout.Infinite);
                }

                await Task.Delay(20);
            }
        }

    case ["lock", var path]:
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();
            Report("LOCKED");
            await Task.Delay(Timeout.Infinite);
            return 0;
        }

    default:
        Console.Error.WriteLine("usage: lease <bus.db> <lock-duration-ms> | lock <file.db>");
        return 2;
}

static void Report(string line)
{
    Console.WriteLine(line);
    Console.Out.Flush();
}
