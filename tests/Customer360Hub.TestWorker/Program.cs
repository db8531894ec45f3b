using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Options;

// Usage: lease <bus.db> <lock-duration-ms>
// Leases one message from source-changes/resolver, reports it, then hangs until killed.
if (args is not ["lease", var path, var lockMs])
{
    Console.Error.WriteLine("usage: lease <bus.db> <lock-duration-ms>");
    return 2;
}

var options = Options.Create(new SqliteBusOptions { LockDuration = TimeSpan.FromMilliseconds(int.Parse(lockMs, System.Globalization.CultureInfo.InvariantCulture)) });
using var bus = new SqliteChangeBus(path, options, TimeProvider.System);
while (true)
{
    var leased = await bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 1);
    if (leased.Count == 1)
    {
        Console.WriteLine("LEASED " + leased[0].MessageId);
        Console.Out.Flush();
        await Task.Delay(Timeout.Infinite);
    }

    await Task.Delay(20);
}
