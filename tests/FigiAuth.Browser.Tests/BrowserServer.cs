using FigiAuth.Testing.Support;

namespace FigiAuth.Browser.Tests;

/// <summary>
/// The built FigiAuth.Server.dll (<see cref="ServerProcess"/>) in Development on a temp SQLite database, bound to
/// 127.0.0.1 on a free port and browsed as http://localhost (a secure context for WebAuthn; RP ID "localhost").
/// Stopped in Dispose.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-browser-").FullName;
    ServerProcess? process;

    public int Port { get; } = ServerProcess.FreePort();

    public string Origin => $"http://localhost:{Port}";

    public string Output => process?.Output ?? "";

    public async ValueTask InitializeAsync() => process = await ServerProcess.StartAsync(new ServerProcessOptions
    {
        DatabasePath = Path.Combine(directory, "figiauth.db"),
        Port = Port,
        // The content root: wwwroot (the pages' scripts) is beside the server DLL.
        WorkingDirectory = Path.GetDirectoryName(RepoPaths.ServerDll),
        Arguments = [$"--FigiAuth:PublicOrigin={Origin}"],
    });

    public ValueTask DisposeAsync()
    {
        process?.Dispose();
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
