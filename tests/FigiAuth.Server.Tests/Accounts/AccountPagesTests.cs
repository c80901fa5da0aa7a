using System.Net;
using System.Text.RegularExpressions;
using FigiAuth.Server.Passkeys;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Oidc;
using Microsoft.EntityFrameworkCore;

// Not "...Tests.Accounts": that namespace would hide FigiAuth.Server.Accounts from the other tests.
namespace FigiAuth.Server.Tests.AccountPages;

public sealed partial class AccountPagesTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    async Task<(HttpClient Browser, Guid UserId, Guid PasskeyId, Guid UafId)> SignedInWithKeysAsync()
    {
        var browser = factory.CreateBrowser();
        var userId = Guid.Parse(await browser.GetStringAsync($"{TestSignIn.Path}?user=u{Guid.NewGuid():N}"[..40]));
        var passkey = new PasskeyCredential
        {
            Id = Guid.NewGuid(), UserId = userId, CredentialId = Guid.NewGuid().ToByteArray(), PublicKey = [1], Name = "Kitchen phone",
            CreatedAt = DateTimeOffset.UtcNow, Status = PasskeyCredentialStatus.Active,
        };
        var uaf = TestData.Registration(userId);
        uaf.Name = "Wallet app";
        await factory.WithDbAsync(async (db, _) => { db.Add(passkey); db.Add(uaf); return await db.SaveChangesAsync(); });
        return (browser, userId, passkey.Id, uaf.Id);
    }

    [Fact]
    public async Task Succeeds_RenderingSignInWithConditionalUiAndSignUp()
    {
        var browser = factory.CreateBrowser();

        var signIn = await browser.GetStringAsync("/account/signin?returnUrl=https://evil.example/");
        var signUp = await browser.GetStringAsync("/account/signup");

        Assert.Contains("autocomplete=\"username webauthn\"", signIn);
        Assert.Contains("data-return-url=\"/\"", signIn);
        Assert.Contains("Create account with a passkey", signUp);
        Assert.DoesNotContain("https://", signIn.Replace("https://evil.example", "", StringComparison.Ordinal).Split("<body>")[1]);
    }

    [Fact]
    public async Task Fails_ToSignIn_WhenSecurityPageIsOpenedSignedOut()
    {
        var response = await factory.CreateBrowser().GetAsync("/account/security");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Succeeds_ListingUafRegistrationsAndPasskeysTogether()
    {
        var (browser, _, _, _) = await SignedInWithKeysAsync();

        var page = await browser.GetStringAsync("/account/security");

        Assert.Contains("Kitchen phone", page);
        Assert.Contains("Wallet app", page);
        Assert.Contains("FIDO UAF authenticator ABCD#0001", page);
    }

    [Fact]
    public async Task Succeeds_RevokingAndRenamingWithAntiforgery_AndAudits()
    {
        var (browser, userId, passkeyId, uafId) = await SignedInWithKeysAsync();
        var token = AntiforgeryToken().Match(await browser.GetStringAsync("/account/security")).Groups[1].Value;

        var revoke = await browser.PostAsync("/account/security?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = passkeyId.ToString(), ["kind"] = "Passkey", ["__RequestVerificationToken"] = token,
        }));
        var rename = await browser.PostAsync("/account/security?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = uafId.ToString(), ["kind"] = "Uaf", ["name"] = "Old phone", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        Assert.Equal(PasskeyCredentialStatus.Revoked, await factory.WithDbAsync((db, _) => db.PasskeyCredentials.Where(c => c.Id == passkeyId).Select(c => c.Status).SingleAsync()));
        Assert.Equal("Old phone", await factory.WithDbAsync((db, _) => db.UafRegistrations.Where(r => r.Id == uafId).Select(r => r.Name).SingleAsync()));
        Assert.Equal(2, await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync(e => e.UserId == userId
            && (e.Type == "passkey.credential.revoked" || e.Type == "uaf.registration.renamed"))));
    }

    [Fact]
    public async Task Fails_With400_WhenRevokeHasNoAntiforgeryToken()
    {
        var (browser, _, passkeyId, _) = await SignedInWithKeysAsync();

        var response = await browser.PostAsync("/account/security?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = passkeyId.ToString(), ["kind"] = "Passkey",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PasskeyCredentialStatus.Active, await factory.WithDbAsync((db, _) => db.PasskeyCredentials.Where(c => c.Id == passkeyId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Fails_ToRevokeAnotherUsersKey()
    {
        var (_, _, passkeyId, _) = await SignedInWithKeysAsync();
        var (other, _, _, _) = await SignedInWithKeysAsync();
        var token = AntiforgeryToken().Match(await other.GetStringAsync("/account/security")).Groups[1].Value;

        await other.PostAsync("/account/security?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = passkeyId.ToString(), ["kind"] = "Passkey", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(PasskeyCredentialStatus.Active, await factory.WithDbAsync((db, _) => db.PasskeyCredentials.Where(c => c.Id == passkeyId).Select(c => c.Status).SingleAsync()));
    }
}
