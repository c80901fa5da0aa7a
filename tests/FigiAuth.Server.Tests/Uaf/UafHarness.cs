using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Development;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>
/// A phone for server tests: the SDK's UafClient with software authenticators (the development attestation CA of
/// samples/attestation) talking to the server through <c>factory.CreateClient()</c>, plus raw /get and /respond
/// helpers and response-string mutations.
/// </summary>
public sealed class UafHarness
{
    public const string Pin = "1234";
    static readonly Lazy<DevAttestationCa> Ca = new(() => DevAttestationCa.Load(Path.Combine(RepositoryRoot, "samples", "attestation")));

    readonly HttpClient http;

    public UafHarness(FigiAuthServerFactory factory, string? username = null, params AuthenticatorProfile[] profiles)
        : this(factory, factory.CreateClient(), username, profiles) { }

    public UafHarness(FigiAuthServerFactory factory, HttpClient http, string? username = null, params AuthenticatorProfile[] profiles)
    {
        this.http = http;
        Factory = factory;
        Username = username ?? "u-" + Guid.NewGuid().ToString("N")[..12];
        var origin = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.PublicOrigin!;
        Authenticators = [.. (profiles.Length == 0 ? [AuthenticatorProfiles.P256RawSurrogate] : profiles).Select(p => NewAuthenticator(p, Store))];
        Client = new UafClient(new UafHttpClient(http), Authenticators, new UafClientOptions { FacetId = origin, AllowHttpAppId = true });
    }

    public FigiAuthServerFactory Factory { get; }

    public string Username { get; }

    public InMemoryKeyStore Store { get; } = new();

    public IReadOnlyList<SoftwareAuthenticator> Authenticators { get; }

    public UafClient Client { get; }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FigiAuth.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root not found");
        }
    }

    public static SoftwareAuthenticator NewAuthenticator(AuthenticatorProfile profile, IKeyStore store, AttestationSigner? attestation = null) =>
        new(profile, store, new SoftwareAuthenticatorOptions
        {
            UserVerifier = PinUserVerifier.Fixed(Pin),
            ConfirmTransaction = (_, _) => ValueTask.FromResult(true),
            Attestation = profile.Attestation == UafAttestationType.BasicFull ? attestation ?? Ca.Value.SignerFor(profile.Aaid) : null,
        });

    public string Context(object? extra = null)
    {
        var node = extra is null ? new JsonObject() : JsonSerializer.SerializeToNode(extra)!.AsObject();
        node["username"] ??= Username;
        return node.ToJsonString();
    }

    /// <summary>POST /uaf/v1/get; returns the answer (statusCode, uafRequest, description).</summary>
    public async Task<JsonElement> GetAsync(string op, string? context)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?> { ["op"] = op, ["context"] = context });
        var response = await http.PostAsync("/uaf/v1/get", new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The uafRequest of a 1200 answer.</summary>
    public async Task<string> RequestAsync(string op, object? context = null)
    {
        var answer = await GetAsync(op, Context(context));
        Assert.True(answer.GetProperty("statusCode").GetInt32() == 1200, answer.ToString());
        return answer.GetProperty("uafRequest").GetString()!;
    }

    /// <summary>POST /uaf/v1/respond; returns the ServerResponse.</summary>
    public async Task<ServerResponse> RespondAsync(string uafResponse)
    {
        var body = JsonSerializer.Serialize(new SendUafResponse(uafResponse, Context()), UafJsonContext.Default.SendUafResponse);
        var response = await http.PostAsync("/uaf/v1/respond", new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(UafJsonContext.Default.ServerResponse))!;
    }

    /// <summary>A registration response for a fresh Reg request (not sent).</summary>
    public async Task<string> RegistrationResponseAsync(Func<string, string>? mutateRequest = null) =>
        await Client.CreateRegistrationResponseAsync((mutateRequest ?? (r => r))(await RequestAsync("Reg")));

    public async Task<string> AuthenticationResponseAsync(object? context = null, Func<string, string>? mutateRequest = null) =>
        await Client.CreateAuthenticationResponseAsync((mutateRequest ?? (r => r))(await RequestAsync("Auth", context)));

    public async Task RegisterAsync()
    {
        var result = await RespondAsync(await RegistrationResponseAsync());
        Assert.True(result.StatusCode == 1200, result.Description);
    }

    public Task<List<UafRegistration>> RegistrationsAsync() =>
        Factory.WithDbAsync((db, _) => db.UafRegistrations.AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.UserName })
            .Where(x => x.UserName == Username).Select(x => x.r).ToListAsync());

    public Task<CeremonyChallenge?> ChallengeAsync(string challenge) =>
        Factory.WithDbAsync((db, _) => db.CeremonyChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Challenge == challenge));

    // ---- response mutations ----

    /// <summary>Changes the first message dictionary of a response array.</summary>
    public static string Mutate(string uafResponse, Action<JsonObject> change)
    {
        var array = JsonNode.Parse(uafResponse)!.AsArray();
        change(array[0]!.AsObject());
        return array.ToJsonString();
    }

    /// <summary>Decodes fcParams, changes it, encodes it back (the FCH in the assertion then no longer matches).</summary>
    public static string MutateFcParams(string uafResponse, Action<JsonObject> change) => Mutate(uafResponse, message =>
    {
        var fcp = JsonNode.Parse(StrictBase64Url.Decode(message["fcParams"]!.GetValue<string>(), "TEST", "fcParams"))!.AsObject();
        change(fcp);
        message["fcParams"] = StrictBase64Url.Encode(Encoding.UTF8.GetBytes(fcp.ToJsonString()));
    });

    /// <summary>Changes the bytes of the first assertion.</summary>
    public static string MutateAssertion(string uafResponse, Action<byte[]> change) => Mutate(uafResponse, message =>
    {
        var assertion = message["assertions"]![0]!.AsObject();
        var bytes = StrictBase64Url.Decode(assertion["assertion"]!.GetValue<string>(), "TEST", "assertion");
        change(bytes);
        assertion["assertion"] = StrictBase64Url.Encode(bytes);
    });

    public static string ChallengeOf(string uafResponse)
    {
        var message = JsonNode.Parse(uafResponse)!.AsArray()[0]!;
        var fcp = JsonNode.Parse(StrictBase64Url.Decode(message["fcParams"]!.GetValue<string>(), "TEST", "fcParams"))!;
        return fcp["challenge"]!.GetValue<string>();
    }

    /// <summary>Changes the first request dictionary of a uafRequest string before the client sees it.</summary>
    public static string MutateRequest(string uafRequest, Action<JsonObject> change) => Mutate(uafRequest, change);
}
