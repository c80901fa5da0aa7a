using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FigiAuth.Client.Http;

namespace FigiAuth.Client.Tests;

/// <summary>An in-test HTTP handler answering each path with a fixed status, media type and body; 404 otherwise.</summary>
internal sealed class ScriptedServer : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string MediaType, string Body)> _answers = [];

    public List<(HttpMethod Method, string PathAndQuery, string? Authorization)> Requests { get; } = [];

    public ScriptedServer Answer(string path, HttpStatusCode status, string body, string mediaType = "application/json")
    {
        _answers[path] = (status, mediaType, body);
        return this;
    }

    public UafHttpClient Client(string? accessToken = null) =>
        new(new HttpClient(this) { BaseAddress = new Uri("http://127.0.0.1:5080/") }, new UafHttpClientOptions { AccessToken = accessToken });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString()));
        if (!_answers.TryGetValue(request.RequestUri.AbsolutePath, out var answer))
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        var content = new StringContent(answer.Body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(answer.MediaType);
        return Task.FromResult(new HttpResponseMessage(answer.Status) { Content = content });
    }
}
