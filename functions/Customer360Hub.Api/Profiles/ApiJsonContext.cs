using System.Text.Json.Serialization;
using Customer360Hub.Api.Accounts;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;

namespace Customer360Hub.Api.Profiles;

[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Customer360Hub.Json.CamelCaseEnumConverter<LinkDecision>), typeof(Customer360Hub.Json.CamelCaseEnumConverter<StewardAction>)])]
[JsonSerializable(typeof(ProfileView))]
[JsonSerializable(typeof(TimelinePage))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(HouseholdView))]
[JsonSerializable(typeof(ErasureRequest))]
[JsonSerializable(typeof(ErasureReport))]
[JsonSerializable(typeof(QualityReport))]
[JsonSerializable(typeof(Customer360Hub.Api.Connectors.ConnectorHealthList))]
[JsonSerializable(typeof(Customer360Hub.Resolution.ProfileExplanation))]
[JsonSerializable(typeof(Customer360Hub.Resolution.StewardResult))]
[JsonSerializable(typeof(StewardRequest))]
[JsonSerializable(typeof(RevokeRequest))]
[JsonSerializable(typeof(List<ReviewItem>))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
