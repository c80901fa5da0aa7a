using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Requests;

public sealed class UafRequestBuilderTests
{
    private static readonly UafPolicy Policy = new([[new MatchCriteria { Aaid = ["FFFF#FC01"] }]]);
    private static readonly DateTimeOffset Expiry = new(2026, 1, 1, 0, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Succeeds_ForRegistrationRequest_ThatAClientCanRead()
    {
        var issued = Expect.Success(UafRequestBuilder.Registration("https://a.example/facets", "alice", Policy, Expiry, new ServerDataProtector(new byte[32])));
        var read = UafMessageReader.ReadRegistrationRequest(issued.Json);
        Assert.Equal(UafVersion.V1_1, read.Header.Upv);
        Assert.Equal(9 + UafRequestBuilder.ChallengeBytes, StrictBase64Url.Decode(read.Challenge, "t", "challenge").Length);
        Assert.Equal(("alice", issued.Request.Challenge), (read.Username, issued.Ledger.Challenge));
        Assert.Equal((UafOperation.Reg, "alice", "https://a.example/facets", Expiry), (issued.Ledger.Operation, issued.Ledger.Username, issued.Ledger.AppId, issued.Ledger.ExpiresAt));
        Assert.NotNull(read.Header.ServerData);
        Assert.StartsWith("[{", issued.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Succeeds_ForFreshChallenges()
    {
        Assert.NotEqual(UafRequestBuilder.NewChallenge(Expiry), UafRequestBuilder.NewChallenge(Expiry));
    }

    [Fact]
    public void IssuesChallengesThatAreCanonicalBase64UrlWithinTheSpecLength()
    {
        foreach (var expiry in new[] { DateTimeOffset.UnixEpoch, Expiry, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) })
        {
            var challenge = UafRequestBuilder.NewChallenge(expiry);

            Assert.True(StrictBase64Url.TryDecode(challenge, out var bytes));
            Assert.InRange(bytes.Length, UafLimits.MinChallengeBytes, UafLimits.MaxChallengeBytes);
            Assert.Equal(challenge, StrictBase64Url.Encode(bytes));
        }
    }

    [Fact]
    public void IssuesChallengesThatSortByExpiry_WithTheRandomPartAfterTheOrder()
    {
        var expiries = Enumerable.Range(0, 2000).Select(i => Expiry.AddMilliseconds(i * 7919 % 100_003)).ToArray();

        var sortedByChallenge = expiries.Select(e => (Expiry: e, Challenge: UafRequestBuilder.NewChallenge(e)))
            .OrderBy(p => p.Challenge, StringComparer.Ordinal).Select(p => p.Expiry);

        Assert.Equal(expiries.Order(), sortedByChallenge);
        Assert.StartsWith(Expiry.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture),
            UafRequestBuilder.NewChallenge(Expiry), StringComparison.Ordinal);
        var randomParts = Enumerable.Range(0, 100).Select(_ => UafRequestBuilder.NewChallenge(Expiry)[UafRequestBuilder.ChallengeOrderDigits..]);
        Assert.Equal(100, randomParts.Distinct().Count());
    }

    [Fact]
    public void Succeeds_ForAuthenticationRequestWithTextAndPngTransaction()
    {
        var png = TestPng.Create();
        var text = Expect.Success(TransactionContent.Text("Send 500 KES to 0712 345678?"));
        var image = Expect.Success(TransactionContent.Png(png, TestPng.Characteristics));
        var issued = Expect.Success(UafRequestBuilder.Authentication("https://a.example/facets", null, Policy, Expiry, [text, image]));
        var read = UafMessageReader.ReadAuthenticationRequest(issued.Json);
        Assert.Equal(2, read.Transaction!.Count);
        Assert.Null(issued.Ledger.Username);
        Assert.Equal("Send 500 KES to 0712 345678?"u8.ToArray(), issued.Ledger.Transactions![0].Content);
        Assert.Equal(png, issued.Ledger.Transactions[1].Content);
        Assert.Equal(Transaction.ImagePng, issued.Ledger.Transactions[1].ContentType);
    }

    [Fact]
    public void Succeeds_ForTextTransactionAsBase64UrlOfUtf8()
    {
        var transaction = Expect.Success(TransactionContent.Text("Lipa KSh 1,000 kwa Wanjiru? ✓"));
        Assert.Equal(StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes("Lipa KSh 1,000 kwa Wanjiru? ✓")), transaction.Content);
    }

    [Fact]
    public void Fails_With1400_WhenTransactionTextIsLongerThan200Characters()
    {
        Expect.Failure(TransactionContent.Text(new string('x', 201)), UafStatusCode.BadRequest, UafSteps.Req03);
    }

    [Fact]
    public void Fails_With1400_WhenPngContentIsNotAPng()
    {
        Expect.Failure(TransactionContent.Png([1, 2, 3], TestPng.Characteristics), UafStatusCode.BadRequest, UafSteps.Req03);
    }

    [Fact]
    public void Fails_With1400_WhenPngTransactionLacksCharacteristics()
    {
        var bad = new Transaction(Transaction.ImagePng, StrictBase64Url.Encode(TestPng.Create()));
        Expect.Failure(UafRequestBuilder.Authentication("", "alice", Policy, Expiry, [bad]), UafStatusCode.BadRequest, UafSteps.Req03);
    }

    [Fact]
    public void Fails_With1400_WhenUsernameIsLongerThan128()
    {
        Expect.Failure(UafRequestBuilder.Registration("", new string('u', 129), Policy, Expiry), UafStatusCode.BadRequest, UafSteps.Req01);
    }

    [Fact]
    public void Fails_With1400_WhenPolicyHasNoAcceptedSet()
    {
        Expect.Failure(UafRequestBuilder.Registration("", "alice", new UafPolicy([]), Expiry), UafStatusCode.BadRequest, UafSteps.Req02);
    }

    [Fact]
    public void Succeeds_ForConformancePolicyRules()
    {
        var registered = new[] { ("FFFF#FC01", "ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg") };
        var reg = UafPolicies.DisallowRegistered(Policy, registered);
        var disallowed = Assert.Single(reg.Disallowed!);
        Assert.Equal(["FFFF#FC01"], disallowed.Aaid!);
        Assert.Equal(["ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg"], disallowed.KeyIds!);
        var auth = UafPolicies.AcceptRegistered(Policy, registered);
        Assert.Equal(2, auth.Accepted.Count);
        Assert.Equal(["FFFF#FC01"], Assert.Single(auth.Accepted[1]).Aaid!);
    }
}
