using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Messaging;

/// <summary>Runs a <see cref="BusConsumer"/> per registered handler (and per configured worker) in the local host.</summary>
public sealed class BusConsumerService(
    IChangeBus bus,
    IEnumerable<IMessageHandler> handlers,
    IOptions<BusConsumerOptions> options,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var signal = bus as IMessageArrivalSignal;
        var logger = loggerFactory.CreateLogger<BusConsumer>();
        var pumps = handlers
            .SelectMany(handler => Enumerable.Range(0, settings.Workers).Select(_ => new BusConsumer(bus, handler, settings.BatchSize, logger)))
            .Select(consumer => Task.Run(() => consumer.RunAsync(signal, settings.IdleWait, stoppingToken), CancellationToken.None));
        return Task.WhenAll(pumps);
    }
}
