using System.Text.Json;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Policy;
using FigiAuth.Uaf.Tests.Metadata;

namespace FigiAuth.Uaf.Tests.Policy;

public sealed class PolicyBuilderTests
{
    private static readonly MetadataStatement Spec = MetadataTestFiles.SpecExample();          // 1234#5678, first factor
    private static readonly MetadataStatement SecondFactor = MetadataTestFiles.FigiSample();   // F161#0001, isSecondFactorOnly
    private static readonly MetadataStatement Revoked = Spec with { Aaid = "DEAD#0001" };

    private static InMemoryMetadataStore Store() => new([
        new MetadataEntry(Spec),
        new MetadataEntry(SecondFactor),
        new MetadataEntry(Revoked, [new StatusReport(AuthenticatorStatus.Revoked)]),
    ]);

    private static string Json(UafPolicy policy) => JsonSerializer.Serialize(policy, UafJsonContext.Default.UafPolicy);

    [Fact]
    public void Succeeds_ForRegistrationPolicyDisallowingRegisteredKeysAndRevokedModels()
    {
        var policy = PolicyBuilder.ForRegistration(Store(), [new RegisteredKey("1234#5678", "a2V5MQ")]).Value;

        Assert.Equal(
            """{"accepted":[[{"aaid":["1234#5678"]}],[{"aaid":["F161#0001"]}]],"disallowed":[{"aaid":["1234#5678"],"keyIDs":["a2V5MQ"]},{"aaid":["DEAD#0001"]}]}""",
            Json(policy));
        Assert.Null(PolicyValidator.Validate(policy));
        Assert.False(PolicyMatcher.IsAllowed(policy, Spec, "a2V5MQ"));
        Assert.True(PolicyMatcher.IsAllowed(policy, Spec, "b3RoZXI"));
        Assert.False(PolicyMatcher.IsAllowed(policy, Revoked, null));
    }

    [Fact]
    public void Succeeds_ForAuthenticationPolicyWithSecondFactorKeysAsAlternatives()
    {
        var keys = new[]
        {
            new RegisteredKey("1234#5678", "a2V5MQ"), new RegisteredKey("1234#5678", "a2V5Mg"),
            new RegisteredKey("F161#0001", "c2Ux"), new RegisteredKey("f161#0001", "c2Uy"),
            new RegisteredKey("DEAD#0001", "ZGVhZA"),
        };

        var policy = PolicyBuilder.ForAuthentication(Store(), keys).Value;

        Assert.Equal(
            """{"accepted":[[{"aaid":["1234#5678"]}],[{"aaid":["F161#0001"],"keyIDs":["c2Ux"]}],[{"aaid":["F161#0001"],"keyIDs":["c2Uy"]}]],"disallowed":[{"aaid":["DEAD#0001"]}]}""",
            Json(policy));
        Assert.Null(PolicyValidator.Validate(policy));
        Assert.False(PolicyMatcher.IsAllowed(policy, SecondFactor, "c3"));
    }

    [Fact]
    public void Succeeds_ForAuthenticationPolicyOfUnknownUserAcceptingAnyTrustedAaid()
    {
        var policy = PolicyBuilder.ForAuthentication(Store(), []).Value;

        Assert.Equal(2, policy.Accepted.Count);
        Assert.Equal("DEAD#0001", Assert.Single(policy.Disallowed!).Aaid![0]);
    }

    [Fact]
    public void Fails_With1492_WhenUserHasOnlyRevokedAuthenticators()
    {
        var result = PolicyBuilder.ForAuthentication(Store(), [new RegisteredKey("DEAD#0001", "ZGVhZA")]);

        Assert.Equal(UafStatusCode.UnacceptableAuthenticator, result.Failure?.Status);
        Assert.Equal("UAF-REQ-02", result.Failure?.StepId);
    }

    [Fact]
    public void Fails_With1500_WhenNoTrustedMetadataExists()
    {
        Assert.Equal(UafStatusCode.InternalServerError, PolicyBuilder.ForRegistration(new InMemoryMetadataStore(), []).Failure?.Status);
    }
}
