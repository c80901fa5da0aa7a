using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Server.Passkeys;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Oidc;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Passkeys;

public sealed class PasskeyAuthenticationTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    async Task<PasskeyScenario> RegisteredAsync()
    {
        var test = new PasskeyScenario(factory.CreateBrowser());
        Assert.Equal(HttpStatusCode.OK, (await test.SignUpAsync($"u-{Guid.NewGuid():N}"[..20])).StatusCode);
        return test;
    }

    Task<PasskeyCredential> StoredAsync(PasskeyScenario test) =>
        factory.WithDbAsync((db, _) => db.PasskeyCredentials.AsNoTracking().SingleAsync(c => c.CredentialId == test.Authenticator.CredentialId));

    [Fact]
    public async Task Succeeds_UsernameLess_AndAdvancesCounterAndSignsIn()
    {
        var test = await RegisteredAsync();

        var response = await test.SignInAsync(mutate: a => a.Counter = 7);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var stored = await StoredAsync(test);
        Assert.Equal(7, stored.SignCount);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Succeeds_WithUsername_AndAnswersSameShapeForUnknownUsername()
    {
        var test = await RegisteredAsync();
        var known = await test.OptionsAsync("/passkeys/v1/login/options", new { username = test.Username });
        var unknown = await test.OptionsAsync("/passkeys/v1/login/options", new { username = "nobody-here" });

        Assert.Single(unknown.GetProperty("allowCredentials").EnumerateArray());
        Assert.Single(known.GetProperty("allowCredentials").EnumerateArray());
    }

    [Fact]
    public async Task Fails_With401_WhenChallengeIsReused()
    {
        var test = await RegisteredAsync();
        var options = await test.OptionsAsync("/passkeys/v1/login/options", new { });
        test.Authenticator.Counter = 1;
        var body = test.Authenticator.Get(options);
        Assert.Equal(HttpStatusCode.OK, (await test.CompleteAsync("/passkeys/v1/login/complete", body)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await test.CompleteAsync("/passkeys/v1/login/complete", body)).StatusCode);
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(4u)]
    [InlineData(0u)]
    public async Task Fails_With401_WhenCounterRegresses(uint next)
    {
        var test = await RegisteredAsync();
        Assert.Equal(HttpStatusCode.OK, (await test.SignInAsync(mutate: a => a.Counter = 5)).StatusCode);

        var response = await test.SignInAsync(mutate: a => a.Counter = next);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(5, (await StoredAsync(test)).SignCount);
    }

    [Fact]
    public async Task Succeeds_WhenCounterStaysZero()
    {
        var test = await RegisteredAsync();

        Assert.Equal(HttpStatusCode.OK, (await test.SignInAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await test.SignInAsync()).StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenOriginIsWrong()
    {
        var test = await RegisteredAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await test.SignInAsync(mutate: a => a.Origin = "http://localhost:5080")).StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenRpIdHashIsWrong()
    {
        var test = await RegisteredAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await test.SignInAsync(mutate: a => a.RpId = "0.0.1")).StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenUserVerificationIsMissing_EvenWithClientOptionsSayingDiscouraged()
    {
        var test = await RegisteredAsync();
        var options = await test.OptionsAsync("/passkeys/v1/login/options", new { });
        test.Authenticator.UserVerified = false;
        var body = test.Authenticator.Get(options);
        // A tampering client sends its own "original options"; the server only uses the ones it stored.
        var tampered = JsonNode.Parse(options.GetRawText())!.AsObject();
        tampered["userVerification"] = "discouraged";
        body["originalOptions"] = tampered;
        body["options"] = tampered.DeepClone();

        var response = await test.CompleteAsync("/passkeys/v1/login/complete", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Passkey verification failed", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Fails_With401_WhenChallengeIsNotOneTheServerIssued()
    {
        var test = await RegisteredAsync();

        var response = await test.SignInAsync(mutate: a => a.ChallengeOverride = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenCredentialIsRevoked()
    {
        var test = await RegisteredAsync();
        await factory.WithDbAsync((db, _) => db.PasskeyCredentials.Where(c => c.CredentialId == test.Authenticator.CredentialId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, PasskeyCredentialStatus.Revoked)));

        var response = await test.SignInAsync(mutate: a => a.Counter = 1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e => e.Type == "passkey.authentication.failed" && e.DetailJson.Contains("revoked"))));
    }
}
