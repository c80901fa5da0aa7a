using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Messages;

public sealed class UafStatusProfilesTests
{
    [Theory]
    [InlineData(UafStatusCode.UnknownAaid)]
    [InlineData(UafStatusCode.UnknownKeyId)]
    [InlineData(UafStatusCode.ChannelBindingRefused)]
    [InlineData(UafStatusCode.RequestInvalid)]
    [InlineData(UafStatusCode.UnacceptableAuthenticator)]
    [InlineData(UafStatusCode.RevokedAuthenticator)]
    [InlineData(UafStatusCode.UnacceptableKey)]
    [InlineData(UafStatusCode.UnacceptableAlgorithm)]
    [InlineData(UafStatusCode.UnacceptableAttestation)]
    [InlineData(UafStatusCode.Forbidden)]
    public void Succeeds_ForMappingEveryRejectionTo1498_UnderConformance(UafStatusCode status)
    {
        var failure = new UafFailure(status, UafSteps.Reg12, "x");
        Assert.Equal(1498, UafStatusProfiles.ToWire(failure, UafStatusProfile.Conformance));
        Assert.Equal((int)status, UafStatusProfiles.ToWire(failure, UafStatusProfile.Detailed));
    }
}
