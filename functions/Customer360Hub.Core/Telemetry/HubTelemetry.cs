using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Customer360Hub.Telemetry;

/// <summary>
/// The hub's one meter and activity source. Hosts export them (Azure Monitor in Azure, the console
/// locally); every area records through the instruments here so dashboards and alerts find one
/// set of names. Tags carry ids and source names only, never personal data.
/// </summary>
public static class HubTelemetry
{
    public const string Name = "Customer360Hub";

    /// <summary>Spans: <c>connector.sync</c> per sync pass, <c>bus.handle</c> per handled batch.</summary>
    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Records read from a source API (tag <c>source</c>).</summary>
    public static Counter<long> ChangesPulled { get; } = Meter.CreateCounter<long>("c360.changes.pulled", "{change}", "Records read from source APIs.");

    /// <summary>Changes published to <c>source-changes</c> (tag <c>source</c>).</summary>
    public static Counter<long> ChangesSent { get; } = Meter.CreateCounter<long>("c360.changes.sent", "{change}", "Changes published to the bus.");

    /// <summary>Records quarantined by a connector (tag <c>source</c>).</summary>
    public static Counter<long> ChangesQuarantined { get; } = Meter.CreateCounter<long>("c360.changes.quarantined", "{change}", "Records set aside with a reason.");

    /// <summary>Changes applied by the resolver (tag <c>source</c>).</summary>
    public static Counter<long> ChangesResolved { get; } = Meter.CreateCounter<long>("c360.changes.resolved", "{change}", "Changes applied to profiles.");

    /// <summary>Time from pulling a change at the source to resolving it (tag <c>source</c>).</summary>
    public static Histogram<double> ResolverLag { get; } = Meter.CreateHistogram<double>("c360.resolver.lag", "s", "Seconds from pull to resolution.");

    /// <summary>Time from pulling a change at the source to the new score of its profile being stored, where the API reads it.</summary>
    public static Histogram<double> ScoreFreshness { get; } = Meter.CreateHistogram<double>("c360.scorer.freshness", "s", "Seconds from pull to the profile's new score.");

    /// <summary>Profiles merged into a survivor.</summary>
    public static Counter<long> ProfilesMerged { get; } = Meter.CreateCounter<long>("c360.profiles.merged", "{profile}", "Profiles merged into another.");

    /// <summary>Profiles split because their evidence went away.</summary>
    public static Counter<long> ProfilesSplit { get; } = Meter.CreateCounter<long>("c360.profiles.split", "{profile}", "Profiles split apart.");

    /// <summary>Each profile's health as scored, 0 to 1 (tags <c>segment</c>, <c>model</c>): the ops workbook's health distribution.</summary>
    public static Histogram<double> ProfileHealth { get; } = Meter.CreateHistogram<double>("c360.profiles.health", "1", "Profile health scores as written.");

    /// <summary>Messages given up on (tags <c>topic</c>, <c>subscription</c>).</summary>
    public static Counter<long> DeadLetters { get; } = Meter.CreateCounter<long>("c360.bus.dead_letters", "{message}", "Messages moved to the dead letter.");

    /// <summary>Duration of API requests (tags <c>route</c>, <c>status</c>).</summary>
    public static Histogram<double> ApiLatency { get; } = Meter.CreateHistogram<double>("c360.api.duration", "ms", "API request duration.");

    /// <summary>Request units charged by Cosmos DB (tags <c>operation</c>, <c>container</c>).</summary>
    public static Histogram<double> StoreRequestCharge { get; } = Meter.CreateHistogram<double>("c360.store.request_charge", "{RU}", "Cosmos DB request units per operation.");
}
