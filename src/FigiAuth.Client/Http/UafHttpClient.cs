using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Http;

/// <summary>
/// Typed HttpClient for the UAF HTTPS transport binding: <c>POST {UafPath}get</c> and
/// <c>POST {UafPath}respond</c> with <c>application/fido+uaf; charset=utf-8</c>, plus the user's side of
/// FigiAuth's DFS confirmations. Set the HttpClient's BaseAddress to the server origin. Protocol refusals
/// and HTTP errors throw <see cref="UafServerException"/> (with the server's statusCode and description);
/// an answer that does not parse throws <see cref="UafClientException"/> with
/// <see cref="UafClientErrorCode.ProtocolError"/>; network failures stay <see cref="HttpRequestException"/>.
/// </summary>
public sealed partial class UafHttpClient(HttpClient http, UafHttpClientOptions? options = null)
{
    public UafHttpClientOptions Options { get; } = options ?? new UafHttpClientOptions();

    public HttpClient Http { get; } = http;

    /// <summary>
    /// POSTs a GetUAFRequest; returns the ReturnUAFRequest when its statusCode is 1200. Otherwise throws
    /// <see cref="UafServerException"/> with that statusCode and the <c>description</c> FigiAuth adds to a refusal.
    /// </summary>
    public async Task<ReturnUafRequest> GetUafRequestAsync(GetUafRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, UafJsonContext.Default.GetUafRequest);
        using var response = await PostAsync(Options.UafPath + "get", body, cancellationToken).ConfigureAwait(false);
        var bytes = await ReadOkAsync(response, cancellationToken).ConfigureAwait(false);
        var answer = Parse(bytes, UafJsonContext.Default.ReturnUafRequest);
        if (answer.StatusCode != 1200)
            throw new UafServerException(answer.StatusCode, Parse(bytes, ClientJsonContext.Default.UafRefusalDescription).Description);
        return answer;
    }

    /// <summary>
    /// POSTs a SendUAFResponse; returns the ServerResponse when its statusCode is 1200 or 1202. Otherwise throws
    /// <see cref="UafServerException"/> with that statusCode and the ServerResponse's <c>description</c>.
    /// </summary>
    public async Task<ServerResponse> SendUafResponseAsync(SendUafResponse message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, UafJsonContext.Default.SendUafResponse);
        using var response = await PostAsync(Options.UafPath + "respond", body, cancellationToken).ConfigureAwait(false);
        var answer = Parse(await ReadOkAsync(response, cancellationToken).ConfigureAwait(false), UafJsonContext.Default.ServerResponse);
        if (answer.StatusCode is not (1200 or 1202))
            throw new UafServerException(answer.StatusCode, answer.Description);
        return answer;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(Options.ContentType) { CharSet = Encoding.UTF8.WebName };
        request.Content = content;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(UafHttpClientOptions.FidoUafMediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        AddBearer(request);
        return await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void AddBearer(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(Options.AccessToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
    }

    /// <summary>The body of a 200 answer; any other HTTP status throws with its problem-details body.</summary>
    private static async Task<byte[]> ReadOkAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK
            ? bytes
            : throw new UafServerException(response.StatusCode, TryParse(bytes));
    }

    private static T Parse<T>(byte[] bytes, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new UafClientException(UafClientErrorCode.ProtocolError, $"the server's answer is not a {typeof(T).Name}: it is JSON null");
        }
        catch (JsonException e)
        {
            throw new UafClientException(UafClientErrorCode.ProtocolError, $"the server's answer is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    private static JsonElement? TryParse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, ClientJsonContext.Default.JsonElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
