using System.Text.Json.Serialization;
using Customer360Hub.Api.Accounts;
using Customer360Hub.Api.DeadLetters;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Auditing;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;

namespace Customer360Hub.Api.Profiles;

/// <summary>Source-generated JSON for the API's views and request bodies, its lookup index and problem details.</summary>
[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Customer360Hub.Json.CamelCaseEnumConverter<LinkDecision>), typeof(Customer360Hub.Json.CamelCaseEnumConverter<StewardAction>)])]
[JsonSerializable(typeof(ProfileView))]
[JsonSerializable(typeof(ProfileSummary))]
[JsonSerializable(typeof(SearchPage))]
[JsonSerializable(typeof(TimelinePage))]
[JsonSerializable(typeof(TimelineItem))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(HouseholdView))]
[JsonSerializable(typeof(ErasureRequest))]
[JsonSerializable(typeof(ErasureReport))]
[JsonSerializable(typeof(QualityReport))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(DeadLetterList))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(LookupEntry))]
[JsonSerializable(typeof(LookupState))]
[JsonSerializable(typeof(Customer360Hub.Api.Connectors.ConnectorHealthList))]
[JsonSerializable(typeof(Customer360Hub.Resolution.ProfileExplanation))]
[JsonSerializable(typeof(Customer360Hub.Resolution.StewardResult))]
[JsonSerializable(typeof(StewardRequest))]
[JsonSerializable(typeof(RevokeRequest))]
[JsonSerializable(typeof(ReviewList))]
[JsonSerializable(typeof(Customer360Hub.Scoring.ProfileHealthView))]
[JsonSerializable(typeof(Customer360Hub.Scoring.PortfolioSummary))]
[JsonSerializable(typeof(Customer360Hub.Api.Scores.PortfolioTrend))]
[JsonSerializable(typeof(Customer360Hub.Api.Scores.PortfolioList))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
