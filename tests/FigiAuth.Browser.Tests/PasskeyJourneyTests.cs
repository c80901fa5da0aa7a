using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace FigiAuth.Browser.Tests;

/// <summary>One customer's journey on the real server: sign up with a passkey, sign out, sign in username-less, an OIDC
/// code + PKCE flow for the test client, a step-up (max_age=0), then remove the passkey and see sign-in refused.</summary>
public sealed class PasskeyJourneyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    const string ClientId = "figiauth-test";
    const string RedirectUri = "http://127.0.0.1:5099/callback";

    [Fact]
    public async Task Succeeds_ThroughSignUpSignInOidcStepUpAndRevocation()
    {
        await using var browser = await PasskeyBrowser.LaunchAsync();
        var page = browser.Page;
        var username = $"amina{Guid.NewGuid():N}"[..16];
        var callbacks = new List<string>();
        // Nothing listens on the redirect URI: the code is read from the request the browser makes to it.
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }

            if (request.Url.StartsWith(RedirectUri, StringComparison.Ordinal))
            {
                lock (callbacks)
                {
                    callbacks.Add(request.Url);
                }
            }
        };

        await browser.StepAsync("01-sign-up", async () =>
        {
            await browser.SignUpAsync(server.Origin, username, "Test phone");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"signed in as {username}");
        });

        await browser.StepAsync("02-sign-out", () => browser.SignOutAsync(server.Origin));

        await browser.StepAsync("03-sign-in-username-less", async () =>
        {
            await ClickUnlessConditionalUiAnsweredAsync(page, "#signin-any");
            await page.WaitForURLAsync($"{server.Origin}/");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"signed in as {username}");
        });

        await browser.StepAsync("04-oidc-code-pkce", async () =>
        {
            var (url, verifier) = AuthorizeUrl(maxAge: null);
            var seen = Snapshot(callbacks);
            await GotoIgnoringUnreachableAsync(page, url);
            await AssertRedeemsAsync(await NewCallbackAsync(callbacks, seen), verifier);
        });

        await browser.StepAsync("05-step-up", async () =>
        {
            var (url, verifier) = AuthorizeUrl(maxAge: 0);
            var seen = Snapshot(callbacks);
            await GotoIgnoringUnreachableAsync(page, url);
            if (Snapshot(callbacks).SetEquals(seen))
            {
                await ClickUnlessConditionalUiAnsweredAsync(page, "#signin-any");
            }

            var callback = await NewCallbackAsync(callbacks, seen);
            lock (requests)
            {
                Assert.Contains(requests, r => r.Contains("/account/signin?returnUrl=", StringComparison.Ordinal));
            }

            await AssertRedeemsAsync(callback, verifier);
        });

        await browser.StepAsync("06-revoke", async () =>
        {
            await GotoAfterUnreachableAsync(page, $"{server.Origin}/account/security");
            await Assertions.Expect(page.Locator(".key")).ToContainTextAsync("Test phone");
            await page.ClickAsync("button.danger");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("can no longer be used");
            await browser.SignOutAsync(server.Origin);
        });

        await browser.StepAsync("07-sign-in-refused", async () =>
        {
            await page.ClickAsync("#signin-any");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("could not verify your passkey");
            Assert.EndsWith("/account/signin", page.Url);
        });
    }

    (string Url, string Verifier) AuthorizeUrl(int? maxAge)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = $"{server.Origin}/connect/authorize?client_id={ClientId}&response_type=code&scope=openid%20profile" +
            $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1" +
            (maxAge is { } m ? $"&max_age={m}" : "");
        return (url, verifier);
    }

    async Task AssertRedeemsAsync(string callback, string verifier)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(callback).Query);
        Assert.Equal("s1", query["state"]);
        using var http = new HttpClient();
        var response = await http.PostAsync($"{server.Origin}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"] ?? "",
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("id_token", out _));
    }

    static async Task GotoIgnoringUnreachableAsync(IPage page, string url)
    {
        try
        {
            await GotoAfterUnreachableAsync(page, url);
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal))
        {
            // the final redirect to the client's callback, which nothing serves
        }
    }

    /// <summary>
    /// Goes to <paramref name="url"/> from a page that may be the unreachable callback of an earlier step: Chromium can
    /// replace that error page by itself (chrome-error://), which interrupts a navigation started just then; start it again.
    /// </summary>
    static async Task GotoAfterUnreachableAsync(IPage page, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync(url);
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("is interrupted by another navigation", StringComparison.Ordinal))
            {
                // the error page's own navigation won; ours goes next
            }
        }
    }

    /// <summary>
    /// Clicks the sign-in page's button, unless the page's conditional UI (passkey autofill, which the virtual authenticator
    /// answers by itself) already signed in and navigated away — either way it is a username-less passkey sign-in.
    /// </summary>
    static async Task ClickUnlessConditionalUiAnsweredAsync(IPage page, string selector)
    {
        if (!page.Url.Contains("/account/signin", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await page.ClickAsync(selector, new PageClickOptions { Timeout = 3_000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Already signed in and navigating away; the caller waits for where it lands.
        }
    }

    static HashSet<string> Snapshot(List<string> callbacks)
    {
        lock (callbacks)
        {
            return [.. callbacks];
        }
    }

    /// <summary>
    /// The first callback request not among <paramref name="seen"/>. Not simply the last one: Chromium may reload an
    /// earlier step's unreachable callback page by itself, which repeats that step's (already redeemed) code.
    /// </summary>
    static async Task<string> NewCallbackAsync(List<string> callbacks, HashSet<string> seen)
    {
        string? fresh = null;
        await WaitForAsync(() =>
        {
            lock (callbacks)
            {
                fresh = callbacks.FirstOrDefault(c => !seen.Contains(c));
            }

            return fresh is not null;
        });
        return fresh!;
    }

    static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "timed out");
    }
}
