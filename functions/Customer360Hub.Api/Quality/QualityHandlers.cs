using Customer360Hub.Api.Profiles;
using Customer360Hub.Quality;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Quality;

/// <summary>The portfolio data-quality report.</summary>
public sealed class QualityHandlers(QualityReporter reporter)
{
    public async Task<IResult> GetReportAsync(CancellationToken cancellationToken = default) =>
        Results.Json(await reporter.BuildAsync(cancellationToken).ConfigureAwait(false), ApiJsonContext.Default.QualityReport);
}
