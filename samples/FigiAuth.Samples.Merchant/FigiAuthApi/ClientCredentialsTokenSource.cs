using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>
/// An access token for this back end (OAuth 2 client credentials, RFC 6749 §4.4) from the token endpoint named
/// in FigiAuth's discovery document; kept until shortly before it expires.
/// </summary>
public sealed class ClientCredentialsTokenSource(IHttpClientFactory factory, IOptions<FigiAuthApiOptions> options, TimeProvider time)
{
    static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    readonly SemaphoreSlim _gate = new(1, 1);
    string? _token;
    DateTimeOffset _renewAt;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_token is { } cached && time.GetUtcNow() < _renewAt)
            return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _renewAt)
                return again;
            var (token, lifetime) = await RequestAsync(ct);
            _token = token;
            _renewAt = time.GetUtcNow() + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token, e.g. after a 401.</summary>
    public void Invalidate() => _renewAt = DateTimeOffset.MinValue;

    async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken ct)
    {
        var http = factory.CreateClient(FigiAuthHttp.Name);
        var discovery = JsonNode.Parse(await http.GetStringAsync(".well-known/openid-configuration", ct));
        var endpoint = discovery?["token_endpoint"]?.GetValue<string>()
            ?? throw new InvalidOperationException("FigiAuth's discovery document has no token_endpoint");
        var client = options.Value.ClientCredentials;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret ?? "",
            ["scope"] = client.Scope,
        });
        using var response = await http.PostAsync(endpoint, form, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!response.IsSuccessStatusCode)
            throw new FigiAuthUnavailableException($"the token endpoint refused client '{client.ClientId}': {body?["error"]} {body?["error_description"]}");
        var token = body?["access_token"]?.GetValue<string>()
            ?? throw new FigiAuthUnavailableException("the token response has no access_token");
        var seconds = body?["expires_in"]?.GetValue<int>() ?? 300;
        return (token, TimeSpan.FromSeconds(seconds));
    }
}
