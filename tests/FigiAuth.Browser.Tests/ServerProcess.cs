namespace FigiAuth.Browser.Tests;

/// <summary>
/// The built FigiAuth.Server.dll in Development on a temp SQLite database, bound to 127.0.0.1 on a free port and
/// browsed as http://localhost (a secure context for WebAuthn; RP ID "localhost"). Extra configuration comes as
/// command-line arguments (e.g. a sample's redirect URI on its free port). Stopped in Dispose.
/// </summary>
public class ServerProcess : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-browser-").FullName;
    readonly IReadOnlyList<string> extraArguments;
    AppProcess? process;

    public ServerProcess()
        : this([])
    {
    }

    internal ServerProcess(IReadOnlyList<string> extraArguments) => this.extraArguments = extraArguments;

    public int Port { get; } = AppProcess.FreePort();

    public string Origin => $"http://localhost:{Port}";

    public string Output => process?.Output ?? "";

    public async ValueTask InitializeAsync()
    {
        process = await AppProcess.StartAsync(AppProcess.BuiltDll(Path.Combine("src", "FigiAuth.Server"), "FigiAuth.Server.dll"),
            [
                "--urls", $"http://127.0.0.1:{Port}", "--environment", "Development",
                $"--ConnectionStrings:FigiAuth=Data Source={Path.Combine(directory, "figiauth.db")}",
                $"--FigiAuth:PublicOrigin={Origin}",
                .. extraArguments,
            ],
            $"http://127.0.0.1:{Port}/health/ready");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }

        GC.SuppressFinalize(this);
    }
}
