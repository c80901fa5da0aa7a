using FigiAuth.Testing.Support;

namespace FigiAuth.Browser.Tests;

/// <summary>
/// The built FigiAuth.Server.dll (<see cref="ServerProcess"/>) in Development on a temp SQLite database, bound to
/// 127.0.0.1 on a free port and browsed as http://localhost (a secure context for WebAuthn; RP ID "localhost"). Extra
/// configuration comes as command-line arguments (e.g. a sample's redirect URI on its port). Stopped in Dispose.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-browser-").FullName;
    ServerProcess? process;

    /// <summary><c>http://localhost:{port}</c>: what the browser opens, and the server's public origin.</summary>
    public string Origin => Localhost((process ?? throw new InvalidOperationException("the server is not started")).Port);

    public string Output => process?.Output ?? "";

    /// <summary>The origin a browser uses for an app listening on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string Localhost(int port) => $"http://localhost:{port}";

    public async ValueTask InitializeAsync() => await StartAsync([]);

    /// <summary>Starts the server with these arguments besides the defaults, after stopping a running one.</summary>
    public async Task StartAsync(IReadOnlyList<string> arguments)
    {
        Stop();
        process = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DatabasePath = Path.Combine(directory, "figiauth.db"),
            // The content root: appsettings.Development.json (the samples' clients) is beside the server DLL.
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.ServerDll),
            Arguments = arguments,
            PortArguments = port => [$"--FigiAuth:PublicOrigin={Localhost(port)}"],
        });
    }

    public void Stop()
    {
        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }

        return ValueTask.CompletedTask;
    }
}
