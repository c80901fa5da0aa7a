using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>Challenge expiry with a fake clock (SECURITY.md UAF-05, D4).</summary>
public sealed class UafClockTests(UafClockServerFactory factory) : IClassFixture<UafClockServerFactory>
{
    [Fact]
    public async Task Fails_With1491_WhenChallengeExpired()
    {
        var phone = new UafHarness(factory);
        var response = await phone.RegistrationResponseAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var answer = await phone.RespondAsync(response);

        Assert.Equal(1491, answer.StatusCode);
        Assert.Empty(await phone.RegistrationsAsync());
    }
}

/// <summary>FigiAuth:Uaf:StatusProfile=Conformance: 1498 for every rejected response.</summary>
public sealed class UafConformanceProfileTests(UafConformanceServerFactory factory) : IClassFixture<UafConformanceServerFactory>
{
    [Fact]
    public async Task Fails_With1498_WhenChallengeIsUnknown()
    {
        var phone = new UafHarness(factory);
        var response = UafHarness.MutateFcParams(await phone.RegistrationResponseAsync(),
            f => f["challenge"] = FigiAuth.Uaf.Requests.UafRequestBuilder.NewChallenge(DateTimeOffset.UtcNow.AddMinutes(5)));

        var answer = await phone.RespondAsync(response);

        Assert.Equal(1498, answer.StatusCode);
        Assert.Empty(await phone.RegistrationsAsync());
    }

    [Fact]
    public async Task Succeeds_ForRegistration_UnderTheConformanceProfile()
    {
        var phone = new UafHarness(factory);

        await phone.RegisterAsync();

        Assert.Single(await phone.RegistrationsAsync());
    }
}
