using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FigiAuth.Client.Receipts;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Oidc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tests.Passkeys;

/// <summary>
/// DESIGN.md "Transaction confirmation" 3 (dynamic linking) with the software WebAuthn authenticator: /confirm/{id}, the
/// bound challenge, the answer checked like a sign-in, one receipt; SECURITY.md TC-04, TC-05, TC-06; no open redirect.
/// </summary>
public sealed partial class PasskeyConfirmationTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    const string Wallet = "http://127.0.0.1:5090/transfer/t-1";

    async Task<PasskeyScenario> SignedUpAsync()
    {
        var test = new PasskeyScenario(factory.CreateBrowser());
        Assert.Equal(HttpStatusCode.OK, (await test.SignUpAsync($"u-{Guid.NewGuid():N}"[..20])).StatusCode);
        return test;
    }

    Task<(string Id, string DisplayText)> CreateAsync(string username) => factory.CreateConfirmationAsync(username);

    Task<Confirmation> RowAsync(string id) => factory.WithDbAsync((db, _) => db.Confirmations.AsNoTracking().SingleAsync(c => c.Id == id));

    static string Path(string id, string step) => $"/passkeys/v1/confirmations/{id}/{step}";

    [Fact]
    public async Task Succeeds_OnTheConfirmPage_WithAReceiptTheSdkVerifies_AndTheReplayIsRefused()
    {
        var test = await SignedUpAsync();
        var (id, text) = await CreateAsync(test.Username!);
        var page = await test.Browser.GetStringAsync($"/confirm/{id}");
        var options = await test.OptionsAsync(Path(id, "options"), new { });
        test.Authenticator.Counter = 3;
        var answer = test.Authenticator.Get(options);

        var response = await test.CompleteAsync(Path(id, "complete"), answer);
        var replay = await test.CompleteAsync(Path(id, "complete"), answer);

        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text), page);
        Assert.Contains("Confirm with passkey", page);
        Assert.Equal("required", options.GetProperty("userVerification").GetString());
        Assert.Equal(Base64Url.EncodeToString(test.Authenticator.CredentialId),
            Assert.Single(options.GetProperty("allowCredentials").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        var verifier = ReceiptVerifier.ForReceipts(factory.CreateClient(), new Uri("/.well-known/jwks.json", UriKind.Relative),
            factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.PublicOrigin!);
        var claims = await verifier.VerifyPayloadAsync(receipt, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(id, (string?)claims["confirmation_id"]);
        Assert.Equal("passkey", (string?)claims["method"]);
        Assert.Equal(Guid.Empty.ToString("D"), (string?)claims["authenticator"]);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text))), (string?)claims["display_hash"]);
        Assert.Equal("1500.00", (string?)claims["amount"]);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        var row = await RowAsync(id);
        Assert.Equal(ConfirmationStatus.Confirmed, row.Status);
        Assert.Equal(ConfirmationMethod.Passkey, row.Method);
        Assert.Equal(receipt, row.Receipt);
        Assert.Equal(3, await factory.WithDbAsync((db, _) => db.PasskeyCredentials.Where(c => c.CredentialId == test.Authenticator.CredentialId)
            .Select(c => c.SignCount).SingleAsync()));
    }

    [Fact]
    public async Task Fails_With401_WhenTheChallengeWasMadeForAnotherConfirmation_OrForSignIn()
    {
        var test = await SignedUpAsync();
        var (a, _) = await CreateAsync(test.Username!);
        var (b, _) = await CreateAsync(test.Username!);
        var optionsForA = await test.OptionsAsync(Path(a, "options"), new { });
        test.Authenticator.Counter = 1;
        var answerForA = test.Authenticator.Get(optionsForA);
        var loginOptions = await test.OptionsAsync("/passkeys/v1/login/options", new { });
        test.Authenticator.Counter = 2;
        var loginAnswer = test.Authenticator.Get(loginOptions);

        var crossed = await test.CompleteAsync(Path(b, "complete"), answerForA);
        var login = await test.CompleteAsync(Path(b, "complete"), loginAnswer);

        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(ConfirmationStatus.Pending, (await RowAsync(a)).Status);
        Assert.Equal(ConfirmationStatus.Pending, (await RowAsync(b)).Status);
        // The challenge for A was consumed by that first (wrong) attempt: A cannot be confirmed with it either.
        Assert.Equal(HttpStatusCode.Unauthorized, (await test.CompleteAsync(Path(a, "complete"), answerForA)).StatusCode);
        Assert.Equal(ConfirmationStatus.Pending, (await RowAsync(a)).Status);
    }

    [Fact]
    public async Task Fails_With401_ForAnotherUsersConfirmation_AndRedirectsToSignInWithoutASession()
    {
        var owner = await SignedUpAsync();
        var other = await SignedUpAsync();
        var (id, _) = await CreateAsync(owner.Username!);

        var options = await other.Browser.PostAsJsonAsync(Path(id, "options"), new { });
        var page = await other.Browser.GetAsync($"/confirm/{id}");
        var anonymous = await factory.CreateBrowser().GetAsync($"/confirm/{id}?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.NotFound, options.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Uri.EscapeDataString($"/confirm/{id}"), anonymous.Headers.Location!.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ConfirmationStatus.Pending, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task Follows_OnlyReturnUrlsOnAConfiguredOrigin_NoOpenRedirect()
    {
        var test = await SignedUpAsync();
        var (id, _) = await CreateAsync(test.Username!);

        var allowed = await test.Browser.GetStringAsync($"/confirm/{id}?returnUrl={Uri.EscapeDataString(Wallet)}");
        var evil = await test.Browser.GetStringAsync($"/confirm/{id}?returnUrl={Uri.EscapeDataString("https://evil.example/steal")}");
        var lookalike = await test.Browser.GetStringAsync($"/confirm/{id}?returnUrl={Uri.EscapeDataString("http://127.0.0.1:5091/x")}");
        var rejected = await test.Browser.PostAsync($"/confirm/{id}?handler=Reject&returnUrl={Uri.EscapeDataString("https://evil.example/steal")}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(evil) }));

        Assert.Contains(Wallet, allowed);
        Assert.DoesNotContain("evil.example", evil);
        // The host and port, plain or URL-encoded — not "5091" alone: the page's random antiforgery token may hold those digits.
        Assert.DoesNotMatch(LookalikeOrigin(), lookalike);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.DoesNotContain("evil.example", rejected.Headers.Location!.ToString());
        Assert.Equal(ConfirmationStatus.Rejected, (await RowAsync(id)).Status);
    }

    static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("127\\.0\\.0\\.1(:|%3A)5091", RegexOptions.IgnoreCase)]
    private static partial Regex LookalikeOrigin();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
