using FigiAuth.Client.Authenticators;
using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>SECURITY.md CC-01, CC-04 through HTTP, on each provider.</summary>
public abstract class UafConcurrencyTests(FigiAuthServerFactory factory)
{
    [Fact]
    public async Task Succeeds_Once_When20ParallelCopiesOfOneAuthenticationArrive()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var before = (await phone.RegistrationsAsync())[0].SignCounter;
        var response = await phone.AuthenticationResponseAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => phone.RespondAsync(response))));

        Assert.Single(answers, a => a.StatusCode == 1200);
        Assert.All(answers.Where(a => a.StatusCode != 1200), a => Assert.Equal(1491, a.StatusCode));
        Assert.Equal(before + 1, (await phone.RegistrationsAsync())[0].SignCounter);
    }

    [Fact]
    public async Task Succeeds_ForTenParallelRegistrationsOfOneUser()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256RawSurrogate);
        var responses = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await phone.RegistrationResponseAsync());
        }

        var answers = await Task.WhenAll(responses.Select(r => Task.Run(() => phone.RespondAsync(r))));

        Assert.All(answers, a => Assert.True(a.StatusCode == 1200, a.Description));
        Assert.Equal(10, (await phone.RegistrationsAsync()).Count);
    }
}

public sealed class UafConcurrencySqliteTests(FigiAuthServerFactory factory)
    : UafConcurrencyTests(factory), IClassFixture<FigiAuthServerFactory>;

public sealed class UafConcurrencyPostgresTests(PostgresServerFactory factory)
    : UafConcurrencyTests(factory), IClassFixture<PostgresServerFactory>;
