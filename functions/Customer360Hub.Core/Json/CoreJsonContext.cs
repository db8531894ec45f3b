using System.Text.Json.Serialization;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;

namespace Customer360Hub.Json;

/// <summary>Source-generated JSON for the documents the core stores and publishes.</summary>
[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<RecordKind>), typeof(CamelCaseEnumConverter<LinkDecision>), typeof(CamelCaseEnumConverter<StewardAction>)])]
[JsonSerializable(typeof(SourceRecord))]
[JsonSerializable(typeof(GoldenProfile))]
[JsonSerializable(typeof(IdentityEntry))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(ProfileChanged))]
[JsonSerializable(typeof(ProfileScore))]
[JsonSerializable(typeof(QuarantinedRecord))]
[JsonSerializable(typeof(PendingLink))]
[JsonSerializable(typeof(IdentityLink))]
[JsonSerializable(typeof(Customer360Hub.Resolution.RelationSummary))]
[JsonSerializable(typeof(Customer360Hub.Resolution.RecordHead))]
[JsonSerializable(typeof(Customer360Hub.Resolution.ProfileRedirect))]
[JsonSerializable(typeof(StewardDecision))]
[JsonSerializable(typeof(ReviewItem))]
[JsonSerializable(typeof(Customer360Hub.Resolution.ProfileExplanation))]
[JsonSerializable(typeof(Customer360Hub.Matching.MatchModel))]
[JsonSerializable(typeof(ProfileAggregates))]
[JsonSerializable(typeof(ProfileVersion))]
[JsonSerializable(typeof(RefLink))]
[JsonSerializable(typeof(RecordClaims))]
[JsonSerializable(typeof(RefHead))]
[JsonSerializable(typeof(HouseholdMember))]
[JsonSerializable(typeof(SuppressionEntry))]
[JsonSerializable(typeof(Customer360Hub.Notifications.Alert))]
[JsonSerializable(typeof(Customer360Hub.Auditing.AuditRecord))]
[JsonSerializable(typeof(Customer360Hub.Scoring.HealthSnapshot))]
[JsonSerializable(typeof(Customer360Hub.Scoring.AlertState))]
[JsonSerializable(typeof(Customer360Hub.Scoring.PortfolioEntry))]
[JsonSerializable(typeof(Customer360Hub.Scoring.PortfolioSummary))]
[JsonSerializable(typeof(Customer360Hub.Scoring.ExpansionRuleSet))]
[JsonSerializable(typeof(Customer360Hub.Scoring.JobRun))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
