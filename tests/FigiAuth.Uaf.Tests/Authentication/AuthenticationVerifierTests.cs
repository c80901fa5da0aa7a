using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Tests.Registration;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Authentication;

public sealed class AuthenticationVerifierTests
{
    private const UafStatusCode Content = UafStatusCode.UnacceptableContent;

    [Fact]
    public async Task Succeeds_ForValidLogin()
    {
        var test = new AuthenticationScenario();
        var outcome = Expect.Success(await test.RunAsync());
        Assert.Equal(("user-1", "alice"), (outcome.UserId, outcome.Username));
        var assertion = Assert.Single(outcome.Assertions);
        Assert.Equal((test.Authenticator.Aaid, test.Authenticator.KeyIdBase64Url, 6u, (byte)1), (assertion.Aaid, assertion.KeyId, assertion.SignCounter, assertion.AuthenticationMode));
        Assert.Null(assertion.TransactionContentType);
        Assert.Equal(0x02, assertion.Assertion[0]);
        Assert.Contains(outcome.FcParams, test.LastWire, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Succeeds_ForUsernameLessLogin()
    {
        var test = new AuthenticationScenario { UsernameLess = true };
        Assert.Equal("alice", Expect.Success(await test.RunAsync()).Username);
    }

    [Fact]
    public async Task Succeeds_ForSignedDataElementsInAnyOrder()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Reversed() };
        Expect.Success(await test.RunAsync());
    }

    [Fact]
    public async Task Succeeds_ForTextTransactionConfirmation()
    {
        var test = new AuthenticationScenario { Transactions = [TransactionContent.Text("Pay 1000 KES to Bob?").Value] };
        var confirmed = Assert.Single(Expect.Success(await test.RunAsync()).Assertions);
        Assert.Equal((Transaction.TextPlain, (byte)2), (confirmed.TransactionContentType, confirmed.AuthenticationMode));
        Assert.Equal(SHA256.HashData("Pay 1000 KES to Bob?"u8), confirmed.TransactionContentHash);
    }

    [Fact]
    public async Task Succeeds_ForPngTransactionConfirmation()
    {
        var png = TestPng.Create();
        var test = new AuthenticationScenario
        {
            Transactions = [TransactionContent.Text("Pay 1000 KES to Bob?").Value, TransactionContent.Png(png, TestPng.Characteristics).Value],
            TransactionHash = SHA256.HashData(png),
        };
        var confirmed = Assert.Single(Expect.Success(await test.RunAsync()).Assertions);
        Assert.Equal(Transaction.ImagePng, confirmed.TransactionContentType);
    }

    [Fact]
    public async Task Succeeds_WithRiskFlag_WhenAuthenticatorVersionIsBelowMetadata()
    {
        var test = new AuthenticationScenario();
        test.Metadata.Transform(test.Authenticator.Aaid, m => m with { AuthenticatorVersion = 9 });
        Assert.Equal(UafRiskFlags.OutdatedAuthenticatorVersion, Assert.Single(Expect.Success(await test.RunAsync()).Assertions).RiskFlags);
    }

    [Fact]
    public async Task Succeeds_WhenBothCountersAreZero()
    {
        var test = new AuthenticationScenario();
        test.Authenticator.SignCounter = 0;
        test.Registration = test.Registration with { SignCounter = 0 };
        Assert.Equal(0u, Assert.Single(Expect.Success(await test.RunAsync()).Assertions).SignCounter);
    }

    // UAF-AUTH-01 / 02
    [Fact]
    public async Task Fails_With1498_WhenMessageHasTwoUpv11Dictionaries()
    {
        var test = new AuthenticationScenario { Wire = s => $"[{s[1..^1]},{s[1..^1]}]" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth01);
    }

    [Fact]
    public async Task Fails_With1498_WhenOpIsReg()
    {
        var test = new AuthenticationScenario { Message = m => m["header"]!["op"] = "Reg" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth02);
    }

    [Fact]
    public async Task Fails_With1498_WhenAssertionIsNotBase64Url()
    {
        var test = new AuthenticationScenario { Message = m => m["assertions"]![0]!["assertion"] = "AAAA+/" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth02);
    }

    // UAF-AUTH-03
    [Fact]
    public async Task Fails_With1491_WhenServerDataIsMissing()
    {
        var test = new AuthenticationScenario
        {
            ServerDataProtector = new ServerDataProtector(new byte[32]),
            Message = m => m["header"]!.AsObject().Remove("serverData"),
        };
        Expect.Failure(await test.RunAsync(), UafStatusCode.RequestInvalid, UafSteps.Auth03);
    }

    // UAF-AUTH-04
    [Fact]
    public async Task Fails_With1498_WhenFcParamsIsNotJson()
    {
        var test = new AuthenticationScenario { FcParams = _ => Fcp.EncodeJson("not json") };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth04);
    }

    // UAF-AUTH-05
    [Fact]
    public async Task Fails_With1491_WhenChallengeWasIssuedForReg()
    {
        var test = new AuthenticationScenario { Issued = i => i with { Operation = UafOperation.Reg } };
        Expect.Failure(await test.RunAsync(), UafStatusCode.RequestInvalid, UafSteps.Auth05);
    }

    [Fact]
    public async Task Fails_With1491_WhenResponseIsReplayed()
    {
        var test = new AuthenticationScenario();
        Expect.Success(await test.RunAsync());
        var replay = await AuthenticationVerifier.VerifyAsync(test.LastWire, test.LastContext!, TestContext.Current.CancellationToken);
        Expect.Failure(replay, UafStatusCode.RequestInvalid, UafSteps.Auth05);
    }

    // UAF-AUTH-06 / 07 / 08
    [Fact]
    public async Task Fails_With1498_WhenFcParamsAppIdIsNotOurs()
    {
        var test = new AuthenticationScenario { FcpAppId = "https://evil.example/facets.json" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth06);
    }

    [Fact]
    public async Task Fails_With1498_WhenFacetIdIsNotTrusted()
    {
        var test = new AuthenticationScenario { FcpFacetId = "android:apk-key-hash:evil" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth07);
    }

    [Fact]
    public async Task Fails_With1490_WhenTlsServerCertificateIsAnother()
    {
        using var ours = RegistrationVerifierTests.SelfSigned();
        using var theirs = RegistrationVerifierTests.SelfSigned();
        var test = new AuthenticationScenario
        {
            ChannelBinding = UafChannelBindingExpectation.FromCertificate(ours),
            ChannelBindingJson = $$"""{"tlsServerCertificate":"{{Encoding.StrictBase64Url.Encode(theirs.RawData)}}"}""",
        };
        Expect.Failure(await test.RunAsync(), UafStatusCode.ChannelBindingRefused, UafSteps.Auth08);
    }

    // UAF-AUTH-10
    [Fact]
    public async Task Fails_With1498_WhenSignatureIsMissing()
    {
        var test = new AuthenticationScenario { Assertions = s => [TestTlv.Composite(UafTag.UafV1AuthAssertion, s.Encode(UafTag.UafV1SignedData))] };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth10);
    }

    [Fact]
    public async Task Fails_With1498_WhenTopElementIsARegistrationAssertion()
    {
        var test = new AuthenticationScenario();
        test.Assertions = s => [[0x01, .. test.Authenticator.Sign(s)[1..]]];
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth10);
    }

    // UAF-AUTH-11
    [Fact]
    public async Task Fails_With1498_WhenNonceIsShorterThan8Bytes()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Set(UafTag.AuthenticatorNonce, new byte[7]) };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth11);
    }

    [Fact]
    public async Task Fails_With1498_WhenCountersAre8Bytes()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Set(UafTag.Counters, new byte[8]) };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth11);
    }

    [Fact]
    public async Task Fails_With1498_WhenTransactionContentHashIsMissing()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Without(UafTag.TransactionContentHash) };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth11);
    }

    [Fact]
    public async Task Fails_With1498_WhenSignedDataHasUnknownCriticalExtension()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Append(UafTag.Extension, RegistrationVerifierTests.ExtensionValue("x.example")) };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth11);
    }

    // UAF-AUTH-12
    [Fact]
    public async Task Fails_With1481_WhenKeyIdIsNotRegistered()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Set(UafTag.KeyId, RandomNumberGenerator.GetBytes(32)) };
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnknownKeyId, UafSteps.Auth12);
    }

    [Fact]
    public async Task Fails_With1481_WhenKeyBelongsToAnotherUser()
    {
        var test = new AuthenticationScenario { RequestUsername = "mallory" };
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnknownKeyId, UafSteps.Auth12);
    }

    [Fact]
    public async Task Fails_With1481_WhenRegistrationIsRevoked()
    {
        var test = new AuthenticationScenario();
        test.Registration = test.Registration with { Status = UafRegistrationStatus.Revoked };
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnknownKeyId, UafSteps.Auth12);
    }

    [Fact]
    public async Task Fails_With1403_WhenRegistrationIsSuspect()
    {
        var test = new AuthenticationScenario();
        test.Registration = test.Registration with { Status = UafRegistrationStatus.Suspect };
        Expect.Failure(await test.RunAsync(), UafStatusCode.Forbidden, UafSteps.Auth12);
    }

    // UAF-AUTH-13
    [Fact]
    public async Task Fails_With1480_WhenAaidHasNoMetadata()
    {
        var test = new AuthenticationScenario();
        test.Metadata.Remove(test.Authenticator.Aaid);
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnknownAaid, UafSteps.Auth13);
    }

    [Fact]
    public async Task Fails_With1493_WhenModelIsRevoked()
    {
        var test = new AuthenticationScenario();
        test.Metadata.Add(TestMetadataStore.SurrogateP256(test.Authenticator.Aaid), new StatusReport(AuthenticatorStatus.FidoCertified), new StatusReport(AuthenticatorStatus.Revoked));
        Expect.Failure(await test.RunAsync(), UafStatusCode.RevokedAuthenticator, UafSteps.Auth13);
    }

    [Fact]
    public async Task Fails_With1492_WhenPolicyDisallowsTheAaid()
    {
        var test = new AuthenticationScenario();
        test.Policy = test.Policy with { Disallowed = [new MatchCriteria { Aaid = [test.Authenticator.Aaid] }] };
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnacceptableAuthenticator, UafSteps.Auth13);
    }

    // UAF-AUTH-14
    [Fact]
    public async Task Fails_With1498_WhenAlgorithmDiffersFromRegistration()
    {
        var test = new AuthenticationScenario();
        test.Registration = test.Registration with { SignatureAlgorithm = UafSignatureAlgorithm.Secp256r1EcdsaSha256Der };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth14);
    }

    // UAF-AUTH-16
    [Fact]
    public async Task Fails_With1498_WhenTransactionWasSentButModeIsLogin()
    {
        var test = new AuthenticationScenario { Transactions = [TransactionContent.Text("Pay 1000 KES to Bob?").Value], Mode = 0x01 };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth16);
    }

    [Fact]
    public async Task Fails_With1498_WhenModeIsTransactionWithoutATransaction()
    {
        var test = new AuthenticationScenario { Mode = 0x02, TransactionHash = new byte[32] };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth16);
    }

    [Fact]
    public async Task Fails_With1498_WhenLoginCarriesAContentHash()
    {
        var test = new AuthenticationScenario { TransactionHash = new byte[32] };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth16);
    }

    [Fact]
    public async Task Fails_With1498_WhenContentHashIsOfAnotherText()
    {
        var test = new AuthenticationScenario
        {
            Transactions = [TransactionContent.Text("Pay 1000 KES to Bob?").Value],
            TransactionHash = SHA256.HashData("Pay 9000 KES to Eve?"u8),
        };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth16);
    }

    [Fact]
    public async Task Fails_With1498_WhenModeIsUnknown()
    {
        var test = new AuthenticationScenario { Mode = 0x03 };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth16);
    }

    // UAF-AUTH-17
    [Fact]
    public async Task Fails_With1498_WhenFinalChallengeHashIsWrong()
    {
        var test = new AuthenticationScenario { SignedData = s => s.Set(UafTag.FinalChallengeHash, new byte[32]) };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth17);
    }

    // UAF-AUTH-18
    [Fact]
    public async Task Fails_With1498_WhenSignedByAnotherKey()
    {
        var test = new AuthenticationScenario();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        test.Assertions = s => [test.Authenticator.Sign(s, other)];
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth18);
    }

    [Fact]
    public async Task Fails_With1498_WhenSignatureHasOneBitFlipped()
    {
        var test = new AuthenticationScenario();
        test.Assertions = s =>
        {
            var assertion = test.Authenticator.Sign(s);
            assertion[^1] ^= 0x01;
            return [assertion];
        };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth18);
    }

    // UAF-AUTH-19
    [Theory]
    [InlineData(5u, 5u)]
    [InlineData(5u, 4u)]
    [InlineData(5u, 0u)]
    [InlineData(3u, 0u)]
    public async Task Fails_With1498_WhenCounterDidNotGrow(uint stored, uint received)
    {
        var test = new AuthenticationScenario();
        test.Authenticator.SignCounter = received;
        test.Registration = test.Registration with { SignCounter = stored };
        var result = await test.RunAsync();
        Expect.Failure(result, Content, UafSteps.Auth19);
        var regression = Assert.Single(result.CounterRegressions);
        Assert.Equal((test.Authenticator.KeyIdBase64Url, stored, received), (regression.KeyId, regression.StoredCounter, regression.ReceivedCounter));
    }

    [Fact]
    public async Task Succeeds_ForFirstUserOnly_WhenAssertionsBelongToDifferentUsers()
    {
        var test = new AuthenticationScenario { UsernameLess = true };
        var bob = new UafTestAuthenticator { Aaid = test.Authenticator.Aaid };
        bob.SignCounter = 1;
        test.Registrations.Add(new StoredUafRegistration("user-2", "bob", bob.Aaid, bob.KeyIdBase64Url, bob.PublicKey,
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 0, UafRegistrationStatus.Active));
        test.Assertions = s => [test.Authenticator.Sign(s), bob.Sign(s.Set(UafTag.KeyId, bob.KeyId).Set(UafTag.Counters, TestTlv.UInt32(1)))];
        var outcome = Expect.Success(await test.RunAsync());
        Assert.Equal("user-1", outcome.UserId);
        Assert.Equal(test.Authenticator.KeyIdBase64Url, Assert.Single(outcome.Assertions).KeyId);
    }

    [Fact]
    public async Task Succeeds_ForCachedKey_OnASecondLogin()
    {
        var test = new AuthenticationScenario();
        Expect.Success(await test.RunAsync());
        test.Authenticator.SignCounter = 7;
        test.Registration = test.Registration with { SignCounter = 6 };
        Expect.Success(await test.RunAsync());
        Assert.Equal(1, test.KeyCache.Count);
    }

    [Fact]
    public async Task Fails_With1498_WhenMessageIsEmptyArray_AtEnvelope()
    {
        var test = new AuthenticationScenario { Wire = _ => "[]" };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth01);
    }

    [Fact]
    public async Task Fails_With1498_WhenAssertionsMemberHasWrongType()
    {
        var test = new AuthenticationScenario { Message = m => m["assertions"] = JsonValue.Create("x") };
        Expect.Failure(await test.RunAsync(), Content, UafSteps.Auth02);
    }
}
