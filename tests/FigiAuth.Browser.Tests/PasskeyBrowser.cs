using Microsoft.Playwright;

namespace FigiAuth.Browser.Tests;

/// <summary>
/// Chromium (never downloaded: FIGIAUTH_CHROMIUM or /usr/bin/chromium) in a fresh profile, with a CDP virtual
/// authenticator (CTAP2, internal, resident keys, user verification). Failing steps leave a screenshot in
/// TestResults/screenshots.
/// </summary>
public sealed class PasskeyBrowser : IAsyncDisposable
{
    readonly string profile = Directory.CreateTempSubdirectory("figiauth-chromium-").FullName;
    IPlaywright? playwright;

    public IBrowserContext Context { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public static async Task<PasskeyBrowser> LaunchAsync()
    {
        var browser = new PasskeyBrowser();
        browser.playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("FIGIAUTH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        browser.Context = await browser.playwright.Chromium.LaunchPersistentContextAsync(browser.profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        browser.Page = browser.Context.Pages.Count > 0 ? browser.Context.Pages[0] : await browser.Context.NewPageAsync();
        browser.Page.SetDefaultTimeout(15_000);
        var cdp = await browser.Context.NewCDPSessionAsync(browser.Page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return browser;
    }

    /// <summary>Signs up at FigiAuth with a new passkey of the virtual authenticator; ends signed in on FigiAuth's home page.</summary>
    public async Task SignUpAsync(string origin, string username, string passkeyName)
    {
        await Page.GotoAsync($"{origin}/account/signup");
        await Page.FillAsync("#username", username);
        await Page.FillAsync("#passkey-name", passkeyName);
        await Page.ClickAsync("#signup-submit");
        await Page.WaitForURLAsync($"{origin}/");
    }

    /// <summary>Signs out of FigiAuth; ends on its sign-in page.</summary>
    public async Task SignOutAsync(string origin)
    {
        await Page.GotoAsync($"{origin}/account/signout");
        await Page.ClickAsync("#signout-submit");
        await Page.WaitForURLAsync($"{origin}/account/signin");
    }

    /// <summary>Runs one scenario step; on failure saves TestResults/screenshots/{name}.png and rethrows.</summary>
    public async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright?.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file
        }
    }
}
