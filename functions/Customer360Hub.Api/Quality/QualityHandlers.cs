using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Quality;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Quality;

/// <summary>The portfolio data-quality report (counts and rates, no profile's data), scoped to the quality group.</summary>
public sealed class QualityHandlers(QualityReporter reporter, FieldScopePolicy policy)
{
    public async Task<IResult> GetReportAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await reporter.BuildAsync(request.Aborted).ConfigureAwait(false);
        request.AuditDetail = "quality report";
        return ScopedView.Of(policy, JsonSerializer.SerializeToUtf8Bytes(report, ApiJsonContext.Default.QualityReport), ScopeRoots.QualityReport, policy.MaskWithoutOwnership(request.Caller))
            .Respond(request, []);
    }
}
