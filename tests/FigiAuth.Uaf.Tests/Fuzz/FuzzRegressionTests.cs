using System.Text.Json.Nodes;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Inputs the fuzz tests found that escaped as <see cref="NullReferenceException"/>: JSON null inside
/// an array (nullable annotations do not reach collection elements). Each now fails as a format error.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly UafSeedCeremonies Seeds = FuzzCounts.Seeds;

    [Fact]
    public async Task Fails_With1498_WhenAnAuthenticationAssertionIsNull()
    {
        var response = Change(Seeds.AuthenticationResponse, d => d["assertions"] = new JsonArray((JsonNode?)null));
        var result = await AuthenticationVerifier.VerifyAsync(response, Seeds.AuthenticationContext(new UafPublicKeyCache()), TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, MessageSteps.Authentication.Types);
    }

    [Fact]
    public async Task Fails_With1498_WhenARegistrationAssertionIsNull()
    {
        var response = Change(Seeds.SurrogateRegistrationResponse, d => d["assertions"] = new JsonArray((JsonNode?)null));
        var result = await RegistrationVerifier.VerifyAsync(response, Seeds.RegistrationContext(), TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, MessageSteps.Registration.Types);
    }

    [Fact]
    public void Fails_With1498_WhenAHeaderExtensionIsNull()
    {
        var response = Change(Seeds.AuthenticationResponse, d => d["header"]!["exts"] = new JsonArray((JsonNode?)null));
        Expect.Failure(() => UafMessageReader.ReadAuthenticationResponse(response), UafStatusCode.UnacceptableContent, MessageSteps.Authentication.Types);
    }

    [Fact]
    public void Fails_WhenARequestPolicySetIsNull()
    {
        var request = Change(Seeds.RegistrationIssued.Json, d => d["policy"]!["accepted"] = new JsonArray((JsonNode?)null));
        Assert.Throws<UafFormatException>(() => UafMessageReader.ReadRegistrationRequest(request));
    }

    private static string Change(string message, Action<JsonObject> change)
    {
        var array = JsonNode.Parse(message)!.AsArray();
        change(array[0]!.AsObject());
        return array.ToJsonString();
    }
}
