using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>FigiAuth's confirmations API as a DFS back end calls it (docs/integration.md), with its own client token.</summary>
public sealed class ConfirmationsClient(IHttpClientFactory factory, ClientCredentialsTokenSource tokens)
{
    /// <summary>POST /confirmations/v1. A 400 or 429 comes back as <see cref="CreateConfirmationResult.Error"/>.</summary>
    public async Task<CreateConfirmationResult> CreateAsync(ConfirmationRequest request, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "confirmations/v1")
        {
            Content = JsonContent.Create(request, options: FigiAuthHttp.Json),
        }, ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests)
            return new(null, await ProblemTextAsync(response, ct));
        await EnsureSuccessAsync(response, ct);
        return new(await ReadAsync(response, ct), null);
    }

    /// <summary>GET /confirmations/v1/{id}; null when FigiAuth does not know it (or it is another client's).</summary>
    public async Task<Confirmation?> GetAsync(string id, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"confirmations/v1/{Uri.EscapeDataString(id)}"), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>POST /confirmations/v1/{id}/cancel; false when it is unknown or no longer pending (answered, expired).</summary>
    public async Task<bool> CancelAsync(string id, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"confirmations/v1/{Uri.EscapeDataString(id)}/cancel"), ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            return false;
        await EnsureSuccessAsync(response, ct);
        return true;
    }

    /// <summary>Sends with the client token; on a 401 gets a fresh token and tries once more.</summary>
    async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var http = factory.CreateClient(FigiAuthHttp.Name);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                using var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
                var response = await http.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
                    return response;
                response.Dispose();
                tokens.Invalidate();
            }
        }
        catch (HttpRequestException e)
        {
            throw new FigiAuthUnavailableException($"cannot reach FigiAuth at {http.BaseAddress}: {e.Message}", e);
        }
    }

    static async Task<Confirmation> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<Confirmation>(FigiAuthHttp.Json, ct)
        ?? throw new FigiAuthUnavailableException("FigiAuth answered an empty confirmation");

    static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new FigiAuthUnavailableException(
                $"FigiAuth answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await ProblemTextAsync(response, ct)}");
    }

    /// <summary>A problem-details body as one line: the title and each field's errors.</summary>
    static async Task<string> ProblemTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var problem = JsonNode.Parse(text);
            var errors = problem?["errors"]?.AsObject()
                .Select(e => $"{e.Key}: {string.Join(" ", e.Value?.AsArray().Select(m => m?.ToString()) ?? [])}") ?? [];
            return string.Join("; ", new[] { problem?["title"]?.ToString() }.Concat(errors).Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (System.Text.Json.JsonException)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
    }
}
