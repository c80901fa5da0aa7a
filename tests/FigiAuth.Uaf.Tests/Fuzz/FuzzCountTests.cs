namespace FigiAuth.Uaf.Tests.Fuzz;

public sealed class FuzzCountTests
{
    [Fact]
    public void EveryRun_FuzzesAtLeast100000Inputs()
    {
        var total = FuzzCounts.Tlv + FuzzCounts.RegistrationAssertion + FuzzCounts.AuthenticationAssertion
            + FuzzCounts.Message + FuzzCounts.RegistrationVerifier + FuzzCounts.AuthenticationVerifier;
        Assert.True(total >= 100_000, $"{total} fuzz inputs per run");
    }
}
