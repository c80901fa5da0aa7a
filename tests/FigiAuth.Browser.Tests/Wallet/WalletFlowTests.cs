using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FigiAuth.Browser.Tests.Wallet;

/// <summary>
/// The wallet sample in Chromium with the virtual authenticator, against the real server: sign up at FigiAuth with a
/// passkey, sign in to the wallet (OIDC code + PKCE, FigiAuth's passkey sign-in), send money, approve it with a passkey
/// on FigiAuth's /confirm/{id} page and come back to a verified receipt and a balance debited once; then a transfer
/// rejected on that page: nothing debited.
/// </summary>
public sealed class WalletFlowTests(WalletWorld world) : IClassFixture<WalletWorld>
{
    [Fact]
    public async Task SendsMoney_ApprovedWithPasskeyOnFigiAuth_ThenRejectsOne()
    {
        await using var browser = await PasskeyBrowser.LaunchAsync();
        var page = browser.Page;
        var server = world.Server.Origin;
        var username = $"amina{Guid.NewGuid():N}"[..16];
        var authorizeRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith($"{server}/connect/authorize", StringComparison.Ordinal))
            {
                lock (authorizeRequests)
                {
                    authorizeRequests.Add(request.Url);
                }
            }
        };

        try
        {
            await browser.StepAsync("wallet-01-sign-up-at-figiauth", async () =>
            {
                await browser.SignUpAsync(server, username, "Amina's laptop");
                // Signed out again, so that the wallet's sign-in goes through FigiAuth's passkey sign-in.
                await browser.SignOutAsync(server);
            });

            await browser.StepAsync("wallet-02-sign-in-oidc-passkey", async () =>
            {
                await page.GotoAsync(world.WalletOrigin);
                await page.ClickAsync("a[href='/signin']");
                await page.WaitForURLAsync(new Regex("/account/signin"));
                try
                {
                    await page.ClickAsync("#signin-any", new PageClickOptions { Timeout = 5_000 });
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException)
                {
                    // the conditional UI answered with the virtual authenticator first
                }

                await page.WaitForURLAsync($"{world.WalletOrigin}/", new PageWaitForURLOptions { Timeout = 30_000 });
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Hello, {username}");
                await Assertions.Expect(page.Locator(".balance")).ToHaveTextAsync("10000.00 KES");
                lock (authorizeRequests)
                {
                    // The wallet's request, and FigiAuth's own return to it after the passkey sign-in.
                    Assert.NotEmpty(authorizeRequests);
                    Assert.All(authorizeRequests, authorize =>
                    {
                        Assert.Contains("response_type=code", authorize);
                        Assert.Contains("code_challenge_method=S256", authorize);
                        Assert.Contains("client_id=figiauth-wallet", authorize);
                    });
                }
            });

            var transferUrl = await SendAsync(browser, "wallet-03-send", "Baraka", "+254700000002", "150",
                "Confirm payment of 150.00 KES to Baraka (+254700000002)");

            await browser.StepAsync("wallet-04-approve-with-passkey-at-figiauth", async () =>
            {
                await page.ClickAsync("#passkey-link");
                await page.WaitForURLAsync(new Regex($"^{Regex.Escape(server)}/confirm/"));
                await Assertions.Expect(page.Locator("#display-text")).ToHaveTextAsync("Confirm payment of 150.00 KES to Baraka (+254700000002)");
                await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("pending");
                await page.ClickAsync("#confirm button");
                await page.WaitForURLAsync(transferUrl, new PageWaitForURLOptions { Timeout = 30_000 });
                // Several settlements at once (the page's poller, reloads, other tabs): the wallet debits once.
                var statuses = await page.EvaluateAsync<string[]>(
                    """async url => Promise.all([...Array(6)].map(async () => (await (await fetch(url)).json()).status))""",
                    $"{transferUrl.Replace(world.WalletOrigin + "/transfer/", world.WalletOrigin + "/transfers/")}/status");
                Assert.All(statuses, s => Assert.Equal("completed", s));
                await page.ReloadAsync();
                await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Sent ✓ receipt verified");
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Receipt verified");
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Confirm payment of 150.00 KES to Baraka (+254700000002)");
                await Assertions.Expect(page.Locator("dt:has-text('Approved with') + dd")).ToContainTextAsync("passkey");
            });

            await browser.StepAsync("wallet-05-history-and-balance", async () =>
            {
                await page.GotoAsync(world.WalletOrigin);
                await Assertions.Expect(page.Locator(".balance")).ToHaveTextAsync("9850.00 KES");
                var row = page.Locator("tbody tr", new PageLocatorOptions { HasText = "Baraka" });
                await Assertions.Expect(row).ToContainTextAsync("150.00 KES");
                await Assertions.Expect(row).ToContainTextAsync("sent · receipt verified");
                await page.ReloadAsync();
                await Assertions.Expect(page.Locator(".balance")).ToHaveTextAsync("9850.00 KES");
            });

            var rejectedUrl = await SendAsync(browser, "wallet-06-send-second", "Juma", "", "200", "Confirm payment of 200.00 KES to Juma");

            await browser.StepAsync("wallet-07-reject-at-figiauth", async () =>
            {
                await page.ClickAsync("#passkey-link");
                await page.WaitForURLAsync(new Regex($"^{Regex.Escape(server)}/confirm/"));
                await page.ClickAsync("button:has-text('Reject')");
                await page.WaitForURLAsync(rejectedUrl, new PageWaitForURLOptions { Timeout = 30_000 });
                // The page polls the wallet and reloads once the transfer is final.
                await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Not sent (rejected",
                    new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
                await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Your balance was not touched.");
                await Assertions.Expect(page.Locator("#passkey-link")).ToHaveCountAsync(0);
            });

            await browser.StepAsync("wallet-08-nothing-debited", async () =>
            {
                await page.GotoAsync(world.WalletOrigin);
                await Assertions.Expect(page.Locator(".balance")).ToHaveTextAsync("9850.00 KES");
                await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Available:");
                var row = page.Locator("tbody tr", new PageLocatorOptions { HasText = "Juma" });
                await Assertions.Expect(row).ToContainTextAsync("rejected");
                await Assertions.Expect(page.Locator("tbody tr", new PageLocatorOptions { HasText = "Baraka" })).ToContainTextAsync("sent · receipt verified");
            });
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{world.Output}");
        }
    }

    /// <summary>Sends money from the wallet page; returns the transfer page's URL (still waiting for approval).</summary>
    async Task<string> SendAsync(PasskeyBrowser browser, string step, string payee, string account, string amount, string expectedText)
    {
        var page = browser.Page;
        await browser.StepAsync(step, async () =>
        {
            await page.GotoAsync(world.WalletOrigin);
            var before = await page.Locator(".balance").TextContentAsync();
            await page.FillAsync("#payee", payee);
            await page.FillAsync("#account", account);
            await page.FillAsync("#amount", amount);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(new Regex($"^{Regex.Escape(world.WalletOrigin)}/transfer/"));
            await Assertions.Expect(page.Locator(".display")).ToHaveTextAsync(expectedText);
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Waiting for your approval…");
            await page.GotoAsync(world.WalletOrigin);
            // Reserved, not debited.
            await Assertions.Expect(page.Locator(".balance")).ToHaveTextAsync(before!);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Available:");
            await page.GoBackAsync();
        });
        return page.Url;
    }
}
