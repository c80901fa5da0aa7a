using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Policy;

namespace FigiAuth.Uaf.Tests.Policy;

public sealed class PolicyValidatorTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Succeeds_ForSpecPolicyExamples(int example)
    {
        Assert.Null(PolicyValidator.Validate(PolicyExamples.Get(example)));
    }

    [Fact]
    public void Fails_With1400_WhenPolicyIsExample1WithoutAlgorithmsAndSchemes()
    {
        // Example 1 ("any", userVerification 1023) breaks the "no aaid => algorithms + schemes" rule.
        var failure = PolicyValidator.Validate(PolicyExamples.Get(1));

        Assert.Equal(UafStatusCode.BadRequest, failure?.Status);
        Assert.Equal("UAF-REQ-02", failure?.StepId);
    }

    public static TheoryData<UafPolicy> BadPolicies => new()
    {
        new UafPolicy([]),
        new UafPolicy([[]]),
        new UafPolicy([[new MatchCriteria { Aaid = [] }]]),
        new UafPolicy([[new MatchCriteria { Aaid = ["1234#5678"], UserVerification = 2 }]]),
        new UafPolicy([[new MatchCriteria { Aaid = ["1234#5678"], AuthenticationAlgorithms = [1] }]]),
        new UafPolicy([[new MatchCriteria { AuthenticationAlgorithms = [1] }]]),
        new UafPolicy([[new MatchCriteria { Aaid = ["1234#5678"] }]], [new MatchCriteria { KeyIds = ["k"] }]),
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Fails_With1400_WhenPolicyIsMalformed(UafPolicy policy)
    {
        Assert.Equal(UafStatusCode.BadRequest, PolicyValidator.Validate(policy)?.Status);
    }

    [Fact]
    public void Succeeds_ForAaidWithKeyIdsAttachmentHintVersionAndExts()
    {
        var policy = new UafPolicy(
            [[new MatchCriteria { Aaid = ["1234#5678"], KeyIds = ["k"], AttachmentHint = 1, AuthenticatorVersion = 1, Exts = [] }]],
            [new MatchCriteria { Aaid = ["1234#5678"], KeyIds = ["k"] }]);

        Assert.Null(PolicyValidator.Validate(policy));
    }
}
