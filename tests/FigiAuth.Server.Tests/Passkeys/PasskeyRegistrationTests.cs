using System.Net;
using System.Net.Http.Json;
using FigiAuth.Server.Passkeys;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Oidc;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Passkeys;

public sealed class PasskeyRegistrationTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    PasskeyScenario NewBrowser() => new(factory.CreateBrowser());

    static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Succeeds_SigningUpWithPasskey_AndStoresCredentialWithAudit()
    {
        var test = NewBrowser();
        var username = Unique("amina");

        var response = await test.SignUpAsync(username);

        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        var stored = await factory.WithDbAsync((db, _) => db.PasskeyCredentials.SingleAsync(c => c.CredentialId == test.Authenticator.CredentialId));
        Assert.Equal(PasskeyCredentialStatus.Active, stored.Status);
        Assert.False(stored.IsBackupEligible);
        Assert.Equal("Test phone", stored.Name);
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e => e.Type == "passkey.registration.succeeded" && e.UserId == stored.UserId)));
    }

    [Fact]
    public async Task Fails_With409_WhenUsernameIsTaken()
    {
        var username = Unique("baraka");
        Assert.Equal(HttpStatusCode.OK, (await NewBrowser().SignUpAsync(username)).StatusCode);

        var again = await NewBrowser().Browser.PostAsJsonAsync("/passkeys/v1/register/options", new { username });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenUserVerificationIsMissing()
    {
        var test = NewBrowser();
        test.Authenticator.UserVerified = false;

        var response = await test.SignUpAsync(Unique("chiku"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await factory.WithDbAsync((db, _) => db.PasskeyCredentials.AnyAsync(c => c.CredentialId == test.Authenticator.CredentialId)));
    }

    [Fact]
    public async Task Fails_With401_WhenOriginIsWrong()
    {
        var test = NewBrowser();
        test.Authenticator.Origin = "http://127.0.0.1:5081";

        Assert.Equal(HttpStatusCode.Unauthorized, (await test.SignUpAsync(Unique("dalia"))).StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenRpIdHashIsForAnotherRp()
    {
        var test = NewBrowser();
        test.Authenticator.RpId = "evil.example";

        Assert.Equal(HttpStatusCode.Unauthorized, (await test.SignUpAsync(Unique("eshe"))).StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenAnotherBrowserAnswersTheOptions()
    {
        var owner = NewBrowser();
        var options = await owner.OptionsAsync("/passkeys/v1/register/options", new { username = Unique("faraji") });

        var response = await NewBrowser().CompleteAsync("/passkeys/v1/register/complete", owner.Authenticator.Create(options));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenChallengeIsReused()
    {
        var test = NewBrowser();
        var options = await test.OptionsAsync("/passkeys/v1/register/options", new { username = Unique("gathoni") });
        var body = test.Authenticator.Create(options);
        Assert.Equal(HttpStatusCode.OK, (await test.CompleteAsync("/passkeys/v1/register/complete", body)).StatusCode);

        var replay = await test.CompleteAsync("/passkeys/v1/register/complete", body);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Fails_With413_WhenBodyIsTooLarge_AndWith400_WhenMalformed()
    {
        var browser = factory.CreateBrowser();
        var large = new StringContent($"{{\"username\":\"{new string('a', 20_000)}\"}}", System.Text.Encoding.UTF8, "application/json");
        var malformed = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await browser.PostAsync("/passkeys/v1/login/options", large)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/passkeys/v1/login/complete", malformed)).StatusCode);
    }
}
