using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FigiAuth.Testing.Support;

namespace FigiAuth.Samples.Phone.Tests;

/// <summary>
/// A real HTTP listener on 127.0.0.1 answering each path with a fixed status, media type and body (404 otherwise),
/// so the phone process can be shown the server answers it must cope with.
/// </summary>
internal sealed class FakeFigiAuth : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (int Status, string MediaType, string Body)> _answers = new();
    private readonly Task _loop;

    public FakeFigiAuth()
    {
        Origin = $"http://127.0.0.1:{WebAppProcess.FreePort()}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's origin, as --server takes it.</summary>
    public string Origin { get; }

    public ConcurrentQueue<(string Method, string Path, string? Authorization)> Requests { get; } = new();

    public FakeFigiAuth Answer(string path, int status, string body, string mediaType = "application/json")
    {
        _answers[path] = (status, mediaType, body);
        return this;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var request = context.Request;
            Requests.Enqueue((request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"]));
            var (status, mediaType, body) = _answers.TryGetValue(request.Url.AbsolutePath, out var answer) ? answer : (404, "text/plain", "");
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = mediaType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
