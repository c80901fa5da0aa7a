using System.Text.Json.Nodes;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Requests;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>One valid registration ceremony; each test changes exactly one thing.</summary>
public sealed class RegistrationScenario : CeremonyScenario
{
    /// <summary>Changes the KRD elements before the authenticator signs them.</summary>
    public Func<TlvFields, TlvFields> Krd { get; set; } = k => k;
    /// <summary>Builds the assertion(s) from the (changed) KRD; default: one surrogate assertion.</summary>
    public Func<TlvFields, byte[][]>? Assertions { get; set; }
    public Func<RegistrationVerificationContext, RegistrationVerificationContext> Context { get; set; } = c => c;
    public InMemoryRegistrationLookup? ExistingRegistrations { get; set; }
    public RegistrationVerificationContext? LastContext { get; private set; }

    public async Task<UafResult<RegistrationOutcome>> RunAsync()
    {
        var issued = UafRequestBuilder.Registration(AppId, Username, Policy, ExpiresAt, ServerDataProtector).Value;
        Store(issued.Ledger);
        var fcParams = FcParamsFor(issued.Ledger);
        var krd = Krd(Authenticator.KrdFields(fcParams));
        var assertions = Assertions?.Invoke(krd) ?? [Authenticator.Register(krd)];
        var wire = Wrap(issued.Request.Header, fcParams, new JsonArray(assertions.Select(a => (JsonNode)AssertionJson(a)).ToArray()));
        BeforeVerify();
        return await RegistrationVerifier.VerifyAsync(wire, LastContext = Context(new RegistrationVerificationContext
        {
            AppId = AppId,
            TrustedFacetIds = TrustedFacetIds,
            Metadata = Metadata,
            Ceremonies = Ceremonies,
            TimeProvider = Time,
            ServerDataProtector = ServerDataProtector,
            ChannelBinding = ChannelBinding,
            ExistingRegistrations = ExistingRegistrations,
        }), TestContext.Current.CancellationToken);
    }
}
