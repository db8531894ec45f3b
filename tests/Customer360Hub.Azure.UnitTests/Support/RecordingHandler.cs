using System.Net;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>An HTTP endpoint in memory: records every request (with its body) and answers from <see cref="Respond"/>.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body)> Requests { get; } = [];

    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.Created);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.ToString(), body));
        }

        return Respond(request);
    }
}
