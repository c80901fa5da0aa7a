using FigiAuth.Testing.Support;

namespace FigiAuth.Browser.Tests.Wallet;

/// <summary>
/// FigiAuth and the wallet sample as real processes on free ports, both browsed as http://localhost: the server knows
/// the wallet's redirect URIs and return origin on that port (command-line overrides of its Development
/// configuration), the wallet knows the server. Temp SQLite files; everything stopped in Dispose.
/// </summary>
public sealed class WalletWorld : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-wallet-").FullName;
    WebAppProcess? wallet;

    public BrowserServer Server { get; } = new();

    public string WalletOrigin { get; private set; } = "";

    public string Output => $"--- server ---\n{Server.Output}\n--- wallet ---\n{wallet?.Output}";

    /// <summary>
    /// Each names the other's port, so the wallet's is chosen first and the server started with it; when another
    /// process takes that port before the wallet binds it, both start again on new ports.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        try
        {
            wallet = await WebAppProcess.OnFreePortAsync(StartWithWalletOnAsync);
        }
        catch
        {
            // What did start stops with the failure, not with the test run.
            await DisposeAsync();
            throw;
        }
    }

    async Task<WebAppProcess> StartWithWalletOnAsync(int walletPort)
    {
        WalletOrigin = BrowserServer.Localhost(walletPort);
        await Server.StartAsync(
        [
            // Client 0 of the server's Development configuration is figiauth-wallet.
            $"--FigiAuth:Oidc:Clients:0:RedirectUris:0={WalletOrigin}/signin-oidc",
            $"--FigiAuth:Oidc:Clients:0:PostLogoutRedirectUris:0={WalletOrigin}/signout-callback-oidc",
            $"--FigiAuth:Confirmations:ReturnOrigins:0={WalletOrigin}",
        ]);
        try
        {
            return await WebAppProcess.StartAsync(new WebAppProcessOptions
            {
                Dll = RepoPaths.WalletDll,
                Port = walletPort,
                Arguments =
                [
                    $"--FigiAuth:Server={Server.Origin}",
                    $"--ConnectionStrings:Wallet=Data Source={Path.Combine(directory, "wallet.db")}",
                ],
                // No health endpoint: the wallet's home page.
                ReadyPath = "/",
            });
        }
        catch
        {
            Server.Stop();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        wallet?.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
