using System.Collections.Concurrent;
using System.Net;
using FigiAuth.Client;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.LoadTest.Lean;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.LoadTest;

/// <summary>
/// One enrolled user: the SDK's UafClient with one software P-256 authenticator (basic surrogate) and its own key
/// store, and the same key read out for the lean client. A run authenticates through one of the two only: each
/// keeps its own sign counter.
/// </summary>
internal sealed class Phone(string username, UafClient client, UafHttpClient http, LeanCredential credential)
{
    public string Username { get; } = username;

    public LeanCredential Credential { get; } = credential;

    /// <summary>One complete authentication: /get (Auth, username), a fresh signature, /respond; true when 1200 with an OAUTH2 token.</summary>
    public async Task<bool> AuthenticateAsync(CancellationToken ct)
    {
        var answer = await http.GetUafRequestAsync(new GetUafRequest(UafOperation.Auth, Context: contextJson), ct);
        var response = await client.CreateAuthenticationResponseAsync(answer.UafRequest!, ct);
        var result = await http.SendUafResponseAsync(new SendUafResponse(response, contextJson), ct);
        return result.StatusCode == 1200
            && result.AdditionalTokens is { Count: > 0 } tokens
            && tokens[0].Type == UafTokenTypes.OAuth2 && tokens[0].Value.Length > 0;
    }

    readonly string contextJson = new UafRequestContext { Username = username }.ToJson();

    public static HttpClient HttpTo(Uri server) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Enrolls <paramref name="count"/> users (OpenEnrollment), <paramref name="parallel"/> at a time.</summary>
    public static async Task<List<Phone>> EnrollAsync(HttpClient httpClient, Uri server, int count, int parallel)
    {
        var getHead = LeanCeremonyClient.GetHead(server);
        var origin = server.GetLeftPart(UriPartial.Authority);
        var phones = new ConcurrentBag<Phone>();
        var run = $"{Environment.ProcessId:x}{DateTime.UtcNow.Ticks % 100000:x}";
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var store = new InMemoryKeyStore();
            var authenticator = new SoftwareAuthenticator(AuthenticatorProfiles.P256RawSurrogate, store, new SoftwareAuthenticatorOptions
            {
                UserVerifier = PinUserVerifier.Fixed("1234"),
            });
            var http = new UafHttpClient(httpClient);
            var client = new UafClient(http, [authenticator], new UafClientOptions { FacetId = origin, AllowHttpAppId = true });
            var username = $"load-{run}-{i}";
            var result = await client.RegisterAsync(username, ct);
            if (result.Response.StatusCode != 1200)
            {
                throw new InvalidOperationException($"enrollment of {username}: {result.Response.StatusCode} {result.Response.Description}");
            }

            phones.Add(new Phone(username, client, http, await LeanCredential.FromStoreAsync(store, authenticator.Profile, getHead)));
        });
        return [.. phones];
    }
}
