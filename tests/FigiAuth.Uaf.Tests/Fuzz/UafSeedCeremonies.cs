using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Valid UAF inputs made with <see cref="UafTestAuthenticator"/>: assertions, response strings, fcParams,
/// transport bodies, and verifier contexts whose fakes cost nothing. The fuzz tests mutate them, the
/// SharpFuzz harness writes them as its seed corpus, the benchmarks verify them. No xunit in here.
/// </summary>
public sealed class UafSeedCeremonies
{
    public const string AppId = "https://login.figi.example/uaf/facets.json";
    public const string FacetId = "https://login.figi.example";

    public UafSeedCeremonies()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(1);
        var policy = new UafPolicy([[new MatchCriteria { Aaid = [Authenticator.Aaid] }], [new MatchCriteria { Aaid = [BasicFullAuthenticator.Aaid] }]]);

        // Registration, surrogate and basic full (a test CA: root -> attestation certificate).
        RegistrationIssued = UafRequestBuilder.Registration(AppId, "alice", policy, expires).Value;
        var regFcParams = Fcp.Encode(AppId, RegistrationIssued.Ledger.Challenge, FacetId);
        SurrogateAssertion = Authenticator.Register(Authenticator.KrdFields(regFcParams));
        (RootCertificate, var attestationKey, var leaf) = MakeAttestationCa();
        BasicFullAssertion = BasicFullAuthenticator.RegisterBasicFull(BasicFullAuthenticator.KrdFields(regFcParams), attestationKey, leaf);
        SurrogateRegistrationResponse = Wrap(RegistrationIssued.Request.Header, regFcParams, SurrogateAssertion);
        BasicFullRegistrationResponse = Wrap(RegistrationIssued.Request.Header, regFcParams, BasicFullAssertion);

        // Authentication with the key registered above (stored counter 5, signed counter 6).
        Authenticator.SignCounter = 6;
        AuthenticationIssued = UafRequestBuilder.Authentication(AppId, "alice", policy, expires).Value;
        AuthenticationFcParams = Fcp.Encode(AppId, AuthenticationIssued.Ledger.Challenge, FacetId);
        AuthenticationAssertion = Authenticator.Sign(Authenticator.SignedDataFields(AuthenticationFcParams));
        AuthenticationResponse = Wrap(AuthenticationIssued.Request.Header, AuthenticationFcParams, AuthenticationAssertion);
        Registration = new StoredUafRegistration(
            "user-1", "alice", Authenticator.Aaid, Authenticator.KeyIdBase64Url, Authenticator.PublicKey,
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 5, UafRegistrationStatus.Active);

        var basicFull = TestMetadataStore.SurrogateP256(BasicFullAuthenticator.Aaid) with
        {
            AttestationTypes = [UafAttestationType.BasicFull],
            AttestationRootCertificates = [RootCertificate],
        };
        Metadata = new InMemoryMetadataStore([new MetadataEntry(TestMetadataStore.SurrogateP256(Authenticator.Aaid)), new MetadataEntry(basicFull)]);
    }

    /// <summary>Surrogate attestation (FFFF#FC01); it also authenticates.</summary>
    public UafTestAuthenticator Authenticator { get; } = new();
    /// <summary>Basic full attestation under <see cref="RootCertificate"/> (FFFF#FC02).</summary>
    public UafTestAuthenticator BasicFullAuthenticator { get; } = new() { Aaid = "FFFF#FC02" };
    public byte[] RootCertificate { get; }
    public InMemoryMetadataStore Metadata { get; }
    public StoredUafRegistration Registration { get; }

    public IssuedUafMessage<RegistrationRequest> RegistrationIssued { get; }
    public byte[] SurrogateAssertion { get; }
    public byte[] BasicFullAssertion { get; }
    public string SurrogateRegistrationResponse { get; }
    public string BasicFullRegistrationResponse { get; }

    public IssuedUafMessage<AuthenticationRequest> AuthenticationIssued { get; }
    public string AuthenticationFcParams { get; }
    public byte[] AuthenticationAssertion { get; }
    public string AuthenticationResponse { get; }

    /// <summary>Every valid TLV assertion.</summary>
    public IReadOnlyList<byte[]> Assertions => [SurrogateAssertion, BasicFullAssertion, AuthenticationAssertion];

    /// <summary>Every valid wire string: responses, requests, decoded fcParams and /get and /respond bodies.</summary>
    public IReadOnlyList<string> Messages =>
    [
        SurrogateRegistrationResponse,
        BasicFullRegistrationResponse,
        AuthenticationResponse,
        RegistrationIssued.Json,
        AuthenticationIssued.Json,
        System.Text.Encoding.UTF8.GetString(StrictBase64Url.Decode(AuthenticationFcParams, "seed", "fcParams")),
        JsonSerializer.Serialize(new GetUafRequest(UafOperation.Auth, null, """{"username":"alice"}"""), UafJsonContext.Default.GetUafRequest),
        JsonSerializer.Serialize(new SendUafResponse(AuthenticationResponse, "{}"), UafJsonContext.Default.SendUafResponse),
    ];

    public RegistrationVerificationContext RegistrationContext() => new()
    {
        AppId = AppId,
        TrustedFacetIds = [FacetId],
        Metadata = Metadata,
        Ceremonies = new AlwaysIssuedCeremonyStore(RegistrationIssued.Ledger),
        ExistingRegistrations = new SingleRegistrationLookup(null),
    };

    public AuthenticationVerificationContext AuthenticationContext(UafPublicKeyCache keyCache) => new()
    {
        AppId = AppId,
        TrustedFacetIds = [FacetId],
        Metadata = Metadata,
        Ceremonies = new AlwaysIssuedCeremonyStore(AuthenticationIssued.Ledger),
        Registrations = new SingleRegistrationLookup(Registration),
        KeyCache = keyCache,
    };

    /// <summary>A response dictionary array around <paramref name="assertions"/>, as a client sends it.</summary>
    public static string Wrap(OperationHeader header, string fcParams, params byte[][] assertions) =>
        new JsonArray(new JsonObject
        {
            ["header"] = JsonSerializer.SerializeToNode(header, UafJsonContext.Default.OperationHeader),
            ["fcParams"] = fcParams,
            ["assertions"] = new JsonArray(assertions.Select(a => (JsonNode)new JsonObject
            {
                ["assertionScheme"] = "UAFV1TLV",
                ["assertion"] = StrictBase64Url.Encode(a),
            }).ToArray()),
        }).ToJsonString();

    private static (byte[] Root, ECDsa AttestationKey, byte[] Leaf) MakeAttestationCa()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest("CN=FigiAuth Fuzz Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(5));
        var leafRequest = new CertificateRequest("CN=FigiAuth Fuzz Authenticator", attestationKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(root, now.AddDays(-1), now.AddYears(2), [7]);
        return (root.RawData, attestationKey, leaf.RawData);
    }
}

/// <summary>A challenge ledger that answers every challenge with one issued record: mutated responses reach the later steps.</summary>
public sealed class AlwaysIssuedCeremonyStore(IssuedUafRequest issued) : IUafCeremonyStore
{
    public ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IssuedUafRequest?>(issued.Challenge == challenge ? issued : issued with { Challenge = challenge });
}

/// <summary>A registrations table with at most one row, found under any (AAID, KeyID).</summary>
public sealed class SingleRegistrationLookup(StoredUafRegistration? registration) : IUafRegistrationLookup
{
    public ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(registration);
}
