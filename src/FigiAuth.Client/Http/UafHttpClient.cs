using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Http;

/// <summary>
/// Typed HttpClient for the UAF HTTPS transport binding: <c>POST {UafPath}get</c> and
/// <c>POST {UafPath}respond</c> with <c>application/fido+uaf; charset=utf-8</c>. Set the
/// HttpClient's BaseAddress to the server origin. Protocol refusals and HTTP errors throw
/// <see cref="UafServerException"/>; network failures stay <see cref="HttpRequestException"/>.
/// </summary>
public sealed class UafHttpClient(HttpClient http, UafHttpClientOptions? options = null)
{
    public UafHttpClientOptions Options { get; } = options ?? new UafHttpClientOptions();

    public HttpClient Http { get; } = http;

    /// <summary>POSTs a GetUAFRequest; returns the ReturnUAFRequest when its statusCode is 1200.</summary>
    public async Task<ReturnUafRequest> GetUafRequestAsync(GetUafRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, UafJsonContext.Default.GetUafRequest);
        using var response = await PostAsync(Options.UafPath + "get", body, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAsync(response, UafJsonContext.Default.ReturnUafRequest, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode != 1200)
            throw new UafServerException(answer.StatusCode, null);
        return answer;
    }

    /// <summary>POSTs a SendUAFResponse; returns the ServerResponse when its statusCode is 1200 or 1202.</summary>
    public async Task<ServerResponse> SendUafResponseAsync(SendUafResponse message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, UafJsonContext.Default.SendUafResponse);
        using var response = await PostAsync(Options.UafPath + "respond", body, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAsync(response, UafJsonContext.Default.ServerResponse, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode is not (1200 or 1202))
            throw new UafServerException(answer.StatusCode, answer.Description);
        return answer;
    }

    /// <summary>
    /// The signed-in user's pending DFS confirmations (<c>GET confirmations/v1/pending</c> with the
    /// bearer token). Accepts a bare array or an object with an <c>items</c>/<c>confirmations</c> array.
    /// </summary>
    public async Task<IReadOnlyList<PendingConfirmation>> GetPendingConfirmationsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Options.PendingConfirmationsPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AddBearer(request);
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var document = await ReadAsync(response, ClientJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        var list = document.ValueKind == JsonValueKind.Object
            && (document.TryGetProperty("items", out var items) || document.TryGetProperty("confirmations", out items))
            ? items
            : document;
        return list.Deserialize(ClientJsonContext.Default.PendingConfirmationArray) ?? [];
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

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new UafServerException(response.StatusCode, TryParse(bytes));
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new UafServerException(HttpStatusCode.OK, null);
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
