using System.CommandLine;
using System.Globalization;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 dlq list|replay</c>: inspect and replay dead letters of the embedded bus (safe while the hub runs).</summary>
internal static class DlqCommand
{
    private static readonly Option<string?> DataOption = new("--data") { Description = "The data folder (default ./.c360)." };

    private static readonly Option<string> TopicOption = new("--topic")
    {
        Description = $"The topic: {Topics.SourceChanges} or {Topics.ProfileChanges}.",
        DefaultValueFactory = _ => Topics.SourceChanges,
    };

    private static readonly Option<string?> SubscriptionOption = new("--subscription")
    {
        Description = "The subscription (default: the topic's only subscription).",
    };

    private static readonly Option<int> MaxOption = new("--max") { Description = "Most dead letters listed.", DefaultValueFactory = _ => 100 };

    private static readonly Option<string[]> IdOption = new("--id") { Description = "Replay only these message ids (repeatable).", AllowMultipleArgumentsPerToken = true };

    private static readonly Option<bool> AllOption = new("--all") { Description = "Replay every dead letter of the subscription." };

    public static Command Create()
    {
        var list = new Command("list", "List dead letters with their reasons.");
        list.Options.Add(MaxOption);
        list.SetAction((result, cancellationToken) => ListAsync(result, cancellationToken));

        var replay = new Command("replay", "Send dead letters back to their subscription as fresh deliveries.");
        replay.Options.Add(IdOption);
        replay.Options.Add(AllOption);
        replay.SetAction((result, cancellationToken) => ReplayAsync(result, cancellationToken));

        var dlq = new Command("dlq", "Dead letters of the embedded bus.");
        foreach (var verb in new[] { list, replay })
        {
            verb.Options.Add(DataOption);
            verb.Options.Add(TopicOption);
            verb.Options.Add(SubscriptionOption);
            dlq.Subcommands.Add(verb);
        }

        return dlq;
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        if (!TryOpen(result, out var bus, out var topic, out var subscription))
        {
            return 1;
        }

        using (bus)
        {
            var letters = await bus.ListAsync(topic, subscription, result.GetValue(MaxOption), cancellationToken).ConfigureAwait(false);
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{letters.Count} dead letter(s) on {topic}/{subscription}").ConfigureAwait(false);
            foreach (var letter in letters)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{letter.MessageId}\tdeliveries={letter.DeliveryCount}\tat={letter.DeadLetteredAt:O}\treason={letter.Reason}")).ConfigureAwait(false);
            }

            return 0;
        }
    }

    private static async Task<int> ReplayAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var ids = result.GetValue(IdOption) ?? [];
        var all = result.GetValue(AllOption);
        if ((ids.Length > 0) == all)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync("c360 dlq replay: pass either --id ID (repeatable) or --all.").ConfigureAwait(false);
            return 1;
        }

        if (!TryOpen(result, out var bus, out var topic, out var subscription))
        {
            return 1;
        }

        using (bus)
        {
            var replayed = await bus.ReplayAsync(topic, subscription, all ? null : ids, cancellationToken).ConfigureAwait(false);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Replayed {replayed} message(s) to {topic}/{subscription}.").ConfigureAwait(false);
            return 0;
        }
    }

    private static bool TryOpen(ParseResult result, out SqliteChangeBus bus, out string topic, out string subscription)
    {
        bus = null!;
        topic = result.GetValue(TopicOption)!;
        if (!Topics.Subscriptions.TryGetValue(topic, out var subscriptions))
        {
            result.InvocationConfiguration.Error.WriteLine($"c360 dlq: unknown topic '{topic}'. Topics: {string.Join(", ", Topics.Subscriptions.Keys)}.");
            subscription = string.Empty;
            return false;
        }

        subscription = result.GetValue(SubscriptionOption) ?? subscriptions[0];
        if (!subscriptions.Contains(subscription))
        {
            result.InvocationConfiguration.Error.WriteLine($"c360 dlq: topic '{topic}' has no subscription '{subscription}'. Subscriptions: {string.Join(", ", subscriptions)}.");
            return false;
        }

        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(DataOption) is { } data)
        {
            overrides["Embedded:DataFolder"] = data;
        }

        var configuration = HubConfiguration.Load(overrides);
        var embedded = configuration.GetSection(EmbeddedOptions.SectionName).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
        var busPath = Path.Combine(embedded.DataFolder, "bus.db");
        if (!File.Exists(busPath))
        {
            result.InvocationConfiguration.Error.WriteLine($"c360 dlq: no bus in '{Path.GetFullPath(embedded.DataFolder)}'. Pass the hub's data folder with --data.");
            return false;
        }

        var busOptions = configuration.GetSection(SqliteBusOptions.SectionName).Get<SqliteBusOptions>() ?? new SqliteBusOptions();
        bus = new SqliteChangeBus(busPath, Options.Create(busOptions), TimeProvider.System, embedded.Durability);
        return true;
    }
}
