namespace FigiAuth.Browser.Tests.Wallet;

/// <summary>
/// FigiAuth and the wallet sample as real processes on free ports, both browsed as http://localhost: the server knows
/// the wallet's redirect URIs and return origin on that port (command-line overrides of its Development
/// configuration), the wallet knows the server. Temp SQLite files; everything stopped in Dispose.
/// </summary>
public sealed class WalletWorld : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-wallet-").FullName;
    AppProcess? wallet;

    public WalletWorld() => Server = new ServerProcess(
    [
        // Client 0 of the server's Development configuration is figiauth-wallet.
        $"--FigiAuth:Oidc:Clients:0:RedirectUris:0={WalletOrigin}/signin-oidc",
        $"--FigiAuth:Oidc:Clients:0:PostLogoutRedirectUris:0={WalletOrigin}/signout-callback-oidc",
        $"--FigiAuth:Confirmations:ReturnOrigins:0={WalletOrigin}",
    ]);

    public ServerProcess Server { get; }

    public int WalletPort { get; } = AppProcess.FreePort();

    public string WalletOrigin => $"http://localhost:{WalletPort}";

    public string Output => $"--- server ---\n{Server.Output}\n--- wallet ---\n{wallet?.Output}";

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        wallet = await AppProcess.StartAsync(
            AppProcess.BuiltDll(Path.Combine("samples", "FigiAuth.Samples.Wallet"), "FigiAuth.Samples.Wallet.dll"),
            [
                "--environment", "Development", "--urls", $"http://127.0.0.1:{WalletPort}",
                $"--FigiAuth:Server={Server.Origin}",
                $"--ConnectionStrings:Wallet=Data Source={Path.Combine(directory, "wallet.db")}",
            ],
            $"http://127.0.0.1:{WalletPort}/");
    }

    public async ValueTask DisposeAsync()
    {
        if (wallet is not null)
        {
            await wallet.DisposeAsync();
        }

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
