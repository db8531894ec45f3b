using Customer360Hub.Api.Profiles;
using Customer360Hub.Connectors.Sdk;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Connectors;

/// <summary>
/// Connector health for operators (<c>GET /api/v1/connectors</c>), shared by the local host and the
/// Functions app. Reads what the connectors persisted, so it works wherever they run.
/// </summary>
public sealed class ConnectorHandlers(IConnectorStatusStore statuses, TimeProvider time)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var views = (await statuses.ListAsync(cancellationToken).ConfigureAwait(false))
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
        return Results.Json(new ConnectorHealthList(views), ApiJsonContext.Default.ConnectorHealthList);
    }
}
