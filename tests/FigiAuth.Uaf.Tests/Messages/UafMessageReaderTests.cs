using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tests.Vectors;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Messages;

public sealed class UafMessageReaderTests
{
    private const UafStatusCode Content = UafStatusCode.UnacceptableContent;
    private static readonly string Fc = Fcp.Encode("https://a.example", "AAAAAAAAAAAAAAAAAAAAAA", "https://a.example");

    private static string Reg(string header = """{"upv":{"major":1,"minor":1},"op":"Reg"}""", string? fcParams = null, string assertions = """[{"assertionScheme":"UAFV1TLV","assertion":"AQID"}]""") =>
        $$"""[{"header":{{header}},"fcParams":"{{fcParams ?? Fc}}","assertions":{{assertions}}}]""";

    [Fact]
    public void Succeeds_ForMinimalRegistrationResponse()
    {
        var parsed = UafMessageReader.ReadRegistrationResponse(Reg());
        Assert.Equal(UafVersion.V1_1, parsed.Version);
        Assert.Equal([1, 2, 3], Assert.Single(parsed.Assertions));
    }

    [Fact]
    public void Succeeds_ForUpv10DictionaryNextToUpv11_ByIgnoringIt()
    {
        var v10 = Reg("""{"upv":{"major":1,"minor":0},"op":"Reg"}""")[1..^1];
        var parsed = UafMessageReader.ReadRegistrationResponse($"[{v10},{Reg()[1..^1]}]");
        Assert.Equal(UafVersion.V1_1, parsed.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Fails_With1498_WhenEnvelopeIsNotAnArrayOfDictionaries(string text)
    {
        var e = Assert.Throws<UafFormatException>(() => UafMessageReader.ReadRegistrationResponse(text));
        Assert.Equal(Content, e.Status);
        Assert.Contains(e.StepId, new[] { UafSteps.Reg01, UafSteps.Reg02 });
    }

    [Fact]
    public void Fails_With1498_WhenMessageIsLongerThanTheLimit()
    {
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(Reg(), new UafMessageReaderOptions { MaxMessageLength = 10 }), Content, UafSteps.Reg01);
    }

    [Fact]
    public void Fails_With1498_WhenPropertyIsDuplicated()
    {
        var text = Reg().Replace("\"fcParams\":", "\"fcParams\":\"x\",\"fcParams\":", StringComparison.Ordinal);
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(text), Content, UafSteps.Reg01);
    }

    [Theory]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"reg"}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":1}""")]
    [InlineData("""{"upv":{"major":"1","minor":1},"op":"Reg"}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"Reg","serverData":""}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"Reg","exts":[{"id":"","data":"","fail_if_unknown":false}]}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"Reg","exts":[{"id":"x","data":""}]}""")]
    public void Fails_With1498_WhenHeaderBreaksTypes(string header)
    {
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(Reg(header)), Content, UafSteps.Reg02);
    }

    [Fact]
    public void Fails_With1498_WhenAppIdIsLongerThan512()
    {
        var header = $$"""{"upv":{"major":1,"minor":1},"op":"Reg","appID":"{{new string('a', 513)}}"}""";
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(Reg(header)), Content, UafSteps.Reg02);
    }

    [Theory]
    [InlineData("""[{"assertionScheme":"UAFV1TLV","assertion":""}]""")]
    [InlineData("""[{"assertionScheme":"UAFV1TLV","assertion":"AQID=="}]""")]
    [InlineData("""[{"assertionScheme":"uafv1tlv","assertion":"AQID"}]""")]
    [InlineData("""[{"assertion":"AQID"}]""")]
    [InlineData("""[]""")]
    public void Fails_With1498_WhenAssertionsBreakTypes(string assertions)
    {
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(Reg(assertions: assertions)), Content, UafSteps.Reg02);
    }

    [Fact]
    public void Fails_With1498_WhenAssertionIsLongerThan4096Bytes()
    {
        var big = Encoding.StrictBase64Url.Encode(new byte[4097]);
        Expect.Failure(() => UafMessageReader.ReadRegistrationResponse(Reg(assertions: $$"""[{"assertionScheme":"UAFV1TLV","assertion":"{{big}}"}]""")), Content, UafSteps.Reg02);
    }

    [Fact]
    public void Fails_With1498_WhenFcParamsIsPadded()
    {
        Expect.Failure(() => UafMessageReader.ReadAuthenticationResponse(Reg(fcParams: Fc + "=").Replace("\"Reg\"", "\"Auth\"", StringComparison.Ordinal)), Content, UafSteps.Auth02);
    }

    [Theory]
    [InlineData("""{"appID":"a","challenge":"AAAAAAAAAAA","facetID":"f"}""")]
    [InlineData("""{"appID":"","challenge":"AAAAAAAAAAA","facetID":"f","channelBinding":{}}""")]
    [InlineData("""{"appID":"a","challenge":"AAAA=AAAAAA","facetID":"f","channelBinding":{}}""")]
    [InlineData("""{"appID":"a","challenge":"AAAAAAAAAAA","facetID":"f","channelBinding":[]}""")]
    [InlineData("""{"appID":"a","challenge":"AAAAAAAAAAA","facetID":"f","channelBinding":{"tlsUnique":5}}""")]
    [InlineData("""null""")]
    public void Fails_With1498_WhenFinalChallengeParamsIsIncomplete(string json)
    {
        Expect.Failure(() => UafMessageReader.ReadFinalChallengeParams(System.Text.Encoding.UTF8.GetBytes(json), UafSteps.Reg04), Content, UafSteps.Reg04);
    }

    [Fact]
    public void Succeeds_ForFinalChallengeParamsInAnyMemberOrderWithSpaces()
    {
        var fcp = UafMessageReader.ReadFinalChallengeParams("""{ "facetID" : "f", "channelBinding" : {}, "challenge" : "AAAAAAAAAAA", "appID" : "a" }"""u8, UafSteps.Reg04);
        Assert.Equal(("a", "f"), (fcp.AppId, fcp.FacetId));
    }

    [Theory]
    [InlineData("Reg", UafOperation.Reg)]
    [InlineData("Auth", UafOperation.Auth)]
    public void Succeeds_ForDispatchOfRegAndAuth(string op, UafOperation expected)
    {
        Assert.Equal(expected, Expect.Success(UafMessageReader.PeekResponseOperation(Reg($$"""{"upv":{"major":1,"minor":1},"op":"{{op}}"}"""))));
    }

    [Theory]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"Dereg"}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"REG"}""")]
    [InlineData("""{"upv":{"major":1,"minor":1},"op":"auth"}""")]
    [InlineData("""{"upv":{"major":1,"minor":1}}""")]
    public void Fails_With1498_WhenDispatchedOpIsNotExactlyRegOrAuth(string header)
    {
        Expect.Failure(UafMessageReader.PeekResponseOperation(Reg(header)), Content, UafSteps.Resp01);
    }

    [Fact]
    public void Fails_With1498_WhenDispatchedBodyIsNotJson()
    {
        Expect.Failure(UafMessageReader.PeekResponseOperation("{"), Content, UafSteps.Resp01);
    }

    [Fact]
    public void Succeeds_ForSpecRequestsReadByAClient()
    {
        var registration = UafMessageReader.ReadRegistrationRequest(VectorFiles.Text("spec-v1.1-registration-request.json"));
        Assert.Equal("apa", registration.Username);
        Assert.Equal(7, registration.Policy.Accepted.Count);
        var authentication = UafMessageReader.ReadAuthenticationRequest(VectorFiles.Text("spec-v1.1-authentication-request.json"));
        Assert.Equal("HQ1VkTUQC1NJDOo6OOWdxewrb9i5WthjfKIehFxpeuU", authentication.Challenge);
        var deregistration = UafMessageReader.ReadDeregistrationRequest(VectorFiles.Text("spec-v1.1-deregistration-request.json"));
        Assert.Equal(new DeregisterAuthenticator("ABCD#ABCD", ""), Assert.Single(deregistration.Authenticators));
    }

    [Fact]
    public void Fails_With1400Family_WhenRequestChallengeIsTooShort()
    {
        var text = VectorFiles.Text("spec-v1.1-authentication-request.json").Replace("HQ1VkTUQC1NJDOo6OOWdxewrb9i5WthjfKIehFxpeuU", "HQ1V", StringComparison.Ordinal);
        Expect.Failure(() => UafMessageReader.ReadAuthenticationRequest(text), Content, UafSteps.Req01);
    }

    [Theory]
    [InlineData("""[{"aaid":"","keyID":"ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg"}]""")]
    [InlineData("""[{"aaid":"ABCD#ABCD","keyID":""},{"aaid":"","keyID":""}]""")]
    [InlineData("""[{"aaid":"ABCD-ABCD","keyID":""}]""")]
    [InlineData("""[{"aaid":"ABCD#ABCD","keyID":"AAAA"}]""")]
    [InlineData("""[]""")]
    public void Fails_With1498_WhenDeregistrationListIsInvalid(string authenticators)
    {
        var text = $$"""[{"header":{"upv":{"major":1,"minor":1},"op":"Dereg"},"authenticators":{{authenticators}}}]""";
        Expect.Failure(() => UafMessageReader.ReadDeregistrationRequest(text), Content, UafSteps.Req01);
    }
}
