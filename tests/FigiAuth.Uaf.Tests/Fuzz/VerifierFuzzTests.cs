using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// The full verifiers, with fakes that let a mutated response reach every step (the ledger answers any
/// challenge, the registrations table any KeyID), return a result for every input and never throw.
/// </summary>
public sealed class VerifierFuzzTests
{
    private static readonly UafSeedCeremonies Seeds = FuzzCounts.Seeds;

    [Fact]
    public void RegistrationVerifier_AnswersEveryMutatedResponse_WithoutThrowing()
    {
        var random = FuzzRun.RandomFor("reg-verifier");
        var tlv = new TlvMutator(random);
        var json = new JsonMutator(random, tlv);
        var header = Seeds.RegistrationIssued.Request.Header;
        Expect.Success(UafFuzzTargets.RegistrationVerifier(Seeds.SurrogateRegistrationResponse, Seeds));
        Expect.Success(UafFuzzTargets.RegistrationVerifier(Seeds.BasicFullRegistrationResponse, Seeds));
        var accepted = 0;
        var ran = FuzzRun.Run("reg-verifier", FuzzCounts.RegistrationVerifier, i => (i % 4) switch
            {
                0 => json.Mutate(i % 8 == 0 ? Seeds.SurrogateRegistrationResponse : Seeds.BasicFullRegistrationResponse),
                _ => UafSeedCeremonies.Wrap(header, RegistrationFcParams(), tlv.Mutate(i % 2 == 0 ? Seeds.SurrogateAssertion : Seeds.BasicFullAssertion)),
            },
            response => accepted += UafFuzzTargets.RegistrationVerifier(response, Seeds).Succeeded ? 1 : 0,
            FuzzRun.Nothing, FuzzRun.Base64);
        ParserFuzzTests.Report($"reg-verifier ({accepted} accepted)", ran, null);
        Assert.Equal(FuzzCounts.RegistrationVerifier, ran);
    }

    [Fact]
    public void AuthenticationVerifier_AnswersEveryMutatedResponse_WithoutThrowing()
    {
        var random = FuzzRun.RandomFor("auth-verifier");
        var tlv = new TlvMutator(random);
        var json = new JsonMutator(random, tlv);
        var context = Seeds.AuthenticationContext(new UafPublicKeyCache());
        var header = Seeds.AuthenticationIssued.Request.Header;
        Expect.Success(UafFuzzTargets.AuthenticationVerifier(Seeds.AuthenticationResponse, context));
        var accepted = 0;
        var ran = FuzzRun.Run("auth-verifier", FuzzCounts.AuthenticationVerifier, i => (i % 4) switch
            {
                0 => json.Mutate(Seeds.AuthenticationResponse),
                _ => UafSeedCeremonies.Wrap(header, Seeds.AuthenticationFcParams, tlv.Mutate(Seeds.AuthenticationAssertion)),
            },
            response => accepted += UafFuzzTargets.AuthenticationVerifier(response, context).Succeeded ? 1 : 0,
            FuzzRun.Nothing, FuzzRun.Base64);
        ParserFuzzTests.Report($"auth-verifier ({accepted} accepted)", ran, null);
        Assert.Equal(FuzzCounts.AuthenticationVerifier, ran);
    }

    private static string RegistrationFcParams() =>
        System.Text.Json.Nodes.JsonNode.Parse(Seeds.SurrogateRegistrationResponse)![0]!["fcParams"]!.GetValue<string>();
}
