using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>What a valid Reg or Auth ceremony shares: clock, ledger, metadata, one authenticator, fcParams knobs.</summary>
public abstract class CeremonyScenario
{
    public const string AppId = "https://login.figi.example/uaf/facets.json";
    public const string FacetId = "https://login.figi.example";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public InMemoryCeremonyStore Ceremonies { get; } = new();
    public UafTestAuthenticator Authenticator { get; } = new();
    public TestMetadataStore Metadata { get; } = new();
    public string Username { get; set; } = "alice";
    public UafPolicy Policy { get; set; }
    public ServerDataProtector? ServerDataProtector { get; set; }
    public UafChannelBindingExpectation? ChannelBinding { get; set; }
    public IReadOnlyCollection<string> TrustedFacetIds { get; set; } = [FacetId];

    /// <summary>fcParams members; null means "what a correct client sends".</summary>
    public string? FcpAppId { get; set; }
    public string? FcpFacetId { get; set; }
    public string? FcpChallenge { get; set; }
    public string ChannelBindingJson { get; set; } = "{}";
    /// <summary>Replaces the whole fcParams string (given the correct one).</summary>
    public Func<string, string> FcParams { get; set; } = f => f;

    /// <summary>Changes the ledger record before it is stored (e.g. another operation or expiry).</summary>
    public Func<IssuedUafRequest, IssuedUafRequest> Issued { get; set; } = i => i;
    /// <summary>Store the ledger record at all (false: the challenge was never issued).</summary>
    public bool StoreIssued { get; set; } = true;
    /// <summary>Changes the response dictionary (JSON) before it is wrapped in the array.</summary>
    public Action<JsonObject> Message { get; set; } = _ => { };
    /// <summary>Changes the final wire string.</summary>
    public Func<string, string> Wire { get; set; } = s => s;
    /// <summary>Runs after the response is built, before it is verified (e.g. advance the clock).</summary>
    public Action BeforeVerify { get; set; } = () => { };

    protected CeremonyScenario()
    {
        Metadata.Add(TestMetadataStore.SurrogateP256(Authenticator.Aaid));
        Policy = new UafPolicy([[new MatchCriteria { Aaid = [Authenticator.Aaid] }]]);
    }

    /// <summary>The last response sent, for replay tests.</summary>
    public string LastWire { get; private set; } = "";

    public DateTimeOffset ExpiresAt => Time.GetUtcNow().AddMinutes(5);

    protected string FcParamsFor(IssuedUafRequest issued) =>
        FcParams(Fcp.Encode(FcpAppId ?? AppId, FcpChallenge ?? issued.Challenge, FcpFacetId ?? FacetId, ChannelBindingJson));

    protected void Store(IssuedUafRequest issued)
    {
        if (StoreIssued)
            Ceremonies.Add(Issued(issued));
    }

    protected string Wrap(OperationHeader header, string fcParams, JsonArray assertions)
    {
        var dictionary = new JsonObject
        {
            ["header"] = JsonSerializer.SerializeToNode(header, UafJsonContext.Default.OperationHeader),
            ["fcParams"] = fcParams,
            ["assertions"] = assertions,
        };
        Message(dictionary);
        LastWire = Wire(new JsonArray(dictionary).ToJsonString());
        return LastWire;
    }

    protected static JsonObject AssertionJson(byte[] assertion) => new()
    {
        ["assertionScheme"] = "UAFV1TLV",
        ["assertion"] = Encoding.StrictBase64Url.Encode(assertion),
    };
}
