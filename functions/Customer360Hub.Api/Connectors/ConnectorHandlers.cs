using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Connectors.Sdk;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Connectors;

/// <summary>
/// Connector health for operators (<c>GET /api/v1/connectors</c>, admin role), the same in the local
/// host and the Functions app. Reads what the connectors persisted, so it works wherever they run;
/// it holds no profile data.
/// </summary>
public sealed class ConnectorHandlers(IConnectorStatusStore statuses, TimeProvider time)
{
    public async Task<IResult> ListAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var views = (await statuses.ListAsync(request.Aborted).ConfigureAwait(false))
            .OrderBy(s => s.Source, StringComparer.Ordinal)
            .Select(s => new ConnectorHealthView(
                s.Source,
                s.LastError is null && s.LastSuccessAt is not null ? "healthy" : s.LastSuccessAt is null ? "failing" : "degraded",
                s.LastSuccessAt,
                s.LastAttemptAt,
                s.LagAt(now) is { } lag ? Math.Round(lag.TotalSeconds, 1) : null,
                s.Pages,
                s.Records,
                s.Quarantined,
                s.Errors,
                s.LastError))
            .ToList();
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new ConnectorHealthList(views), ApiJsonContext.Default.ConnectorHealthList), "application/json; charset=utf-8");
    }
}
