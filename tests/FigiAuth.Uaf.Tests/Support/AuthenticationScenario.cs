using System.Text.Json.Nodes;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>One valid authentication ceremony for a registered key (stored counter 5, sent 6); each test changes one thing.</summary>
public sealed class AuthenticationScenario : CeremonyScenario
{
    public InMemoryRegistrationLookup Registrations { get; } = new();
    public UafPublicKeyCache KeyCache { get; } = new();
    public AuthenticationVerificationContext? LastContext { get; private set; }
    public StoredUafRegistration Registration { get; set; }
    /// <summary>Transaction forms to send; null for a plain login.</summary>
    public IReadOnlyList<Transaction>? Transactions { get; set; }
    /// <summary>The authenticator's mode and hash; by default what a correct authenticator would sign.</summary>
    public byte? Mode { get; set; }
    public byte[]? TransactionHash { get; set; }
    public string? RequestUsername { get; set; }
    public bool UsernameLess { get; set; }
    public Func<TlvFields, TlvFields> SignedData { get; set; } = s => s;
    /// <summary>Builds the assertion(s) from the (changed) SignedData; default: signed by the registered key.</summary>
    public Func<TlvFields, byte[][]>? Assertions { get; set; }
    public Func<AuthenticationVerificationContext, AuthenticationVerificationContext> Context { get; set; } = c => c;

    public AuthenticationScenario()
    {
        Authenticator.SignCounter = 6;
        Registration = new StoredUafRegistration(
            "user-1", Username, Authenticator.Aaid, Authenticator.KeyIdBase64Url, Authenticator.PublicKey,
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 5, UafRegistrationStatus.Active);
    }

    public async Task<AuthenticationVerification> RunAsync()
    {
        Registrations.Add(Registration);
        var username = UsernameLess ? null : RequestUsername ?? Username;
        var issued = UafRequestBuilder.Authentication(AppId, username, Policy, ExpiresAt, Transactions, ServerDataProtector).Value;
        Store(issued.Ledger);
        var fcParams = FcParamsFor(issued.Ledger);
        var hash = TransactionHash ?? (issued.Ledger.Transactions is { Count: > 0 } t
            ? System.Security.Cryptography.SHA256.HashData(t[0].Content)
            : []);
        var mode = Mode ?? (byte)(issued.Ledger.Transactions is { Count: > 0 } ? 0x02 : 0x01);
        var signedData = SignedData(Authenticator.SignedDataFields(fcParams, mode, hash));
        var assertions = Assertions?.Invoke(signedData) ?? [Authenticator.Sign(signedData)];
        var wire = Wrap(issued.Request.Header, fcParams, new JsonArray(assertions.Select(a => (JsonNode)AssertionJson(a)).ToArray()));
        BeforeVerify();
        return await AuthenticationVerifier.VerifyAsync(wire, LastContext = Context(new AuthenticationVerificationContext
        {
            AppId = AppId,
            TrustedFacetIds = TrustedFacetIds,
            Metadata = Metadata,
            Ceremonies = Ceremonies,
            TimeProvider = Time,
            ServerDataProtector = ServerDataProtector,
            ChannelBinding = ChannelBinding,
            Registrations = Registrations,
            KeyCache = KeyCache,
        }), TestContext.Current.CancellationToken);
    }
}
